package numevo.evolver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class TallyTest {
  /** Every counter field, set to a distinct value. */
  private static Tally filled() throws IllegalAccessException {
    Tally t = new Tally();
    long v = 1;
    for (Field f : Tally.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        f.setLong(t, v++);
      }
    }
    return t;
  }

  @Test
  void aCopyKeepsEveryCounterAndResetClearsThem() throws IllegalAccessException {
    // A counter left out of copy() vanished from the statistics once islands ran batches of
    // generations (the integer climb's scorings read 0).
    Tally t = filled();
    Tally c = t.copy();
    for (Field f : Tally.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        assertEquals(f.getLong(t), f.getLong(c), f.getName());
      }
    }
    t.reset();
    for (Field f : Tally.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        assertEquals(0, f.getLong(t), f.getName());
      }
    }
  }
}
