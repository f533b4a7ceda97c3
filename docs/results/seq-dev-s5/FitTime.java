import java.nio.file.Path;
import java.util.Arrays;
import numevo.targets.seq.*;

/** Times RecurrenceFitter (default forms) on each sequence of a table: median of 7 runs after 3 warm-ups. */
public class FitTime {
  public static void main(String[] args) {
    RecurrenceFitter f = RecurrenceFitter.of(FitConfig.defaults());
    System.out.println("id\tforms_tried\tfits\tfirst_fit\tmedian_ms");
    for (SequenceData d : SequenceFiles.readTable(Path.of(args[0]))) {
      SeqScorer s = SeqScorer.of(d, SeqConfig.defaults());
      var fits = f.fit(s);
      for (int i = 0; i < 3; i++) f.fit(s);
      double[] t = new double[7];
      for (int i = 0; i < t.length; i++) {
        long a = System.nanoTime();
        f.fit(s);
        t[i] = (System.nanoTime() - a) / 1e6;
      }
      Arrays.sort(t);
      System.out.printf("%s\t%d\t%d\t%s\t%.1f%n", d.id(), f.forms().size(), fits.size(),
          fits.isEmpty() ? "-" : fits.get(0).recurrence().formula(), t[3]);
    }
  }
}
