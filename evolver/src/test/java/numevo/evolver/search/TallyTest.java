package numevo.evolver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class TallyTest {
  /** Every counter and time field, set to a distinct value. */
  private static Tally filled() throws IllegalAccessException {
    Tally t = new Tally();
    long v = 1;
    for (Stat s : Stat.values()) {
      t.add(s, v++);
    }
    for (Field f : Tally.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) && f.getType() == long.class) {
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
    for (Stat s : Stat.values()) {
      assertEquals(t.get(s), c.get(s), s.column());
    }
    for (Field f : Tally.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) && f.getType() == long.class) {
        assertEquals(f.getLong(t), f.getLong(c), f.getName());
      }
    }
    t.reset();
    for (Stat s : Stat.values()) {
      assertEquals(0, t.get(s), s.column());
    }
    for (Field f : Tally.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) && f.getType() == long.class) {
        assertEquals(0, f.getLong(t), f.getName());
      }
    }
  }

  @Test
  void addToSumsEveryCounter() {
    Tally t = new Tally();
    for (Stat s : Stat.values()) {
      t.add(s, s.ordinal() + 1);
    }
    long[] sums = new long[Stat.COUNT];
    t.addTo(sums);
    t.addTo(sums);
    for (Stat s : Stat.values()) {
      assertEquals(2L * (s.ordinal() + 1), sums[s.ordinal()], s.column());
    }
  }
}
