package dev.onceform.schema;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** "Did you mean ...?" for lint hints: the closest known name by edit distance. */
final class Suggestions {
  private static final int SHOWN = 12;

  private Suggestions() {}

  /**
   * Returns a hint naming the closest known name (at most a third of the letters different,
   * ignoring case), or else listing the known names.
   */
  static String hint(String what, String given, Collection<String> known) {
    Optional<String> closest = closest(given, known);
    if (closest.isPresent()) {
      return "did you mean '" + closest.get() + "'?";
    }
    if (known.isEmpty()) {
      return "no " + what + " is declared";
    }
    String list = known.stream().sorted().limit(SHOWN).collect(Collectors.joining(", "));
    return "use one of: " + list + (known.size() > SHOWN ? ", ..." : "");
  }

  static Optional<String> closest(String given, Collection<String> known) {
    @Nullable String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : known) {
      int distance = distance(given.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    if (best == null || bestDistance > Math.max(1, best.length() / 3)) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
