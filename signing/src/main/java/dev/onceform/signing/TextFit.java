package dev.onceform.signing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Fits lines of text into a box: wraps each line at spaces (and inside a word that alone is too
 * wide), and shrinks the font size from {@link #MAX_SIZE} in steps until all wrapped lines fit.
 */
final class TextFit {

  static final double MAX_SIZE = 10;
  static final double MIN_SIZE = 4;
  static final double LEADING = 1.2;
  private static final double STEP = 0.25;

  /** The font size and the wrapped lines at that size. */
  record Result(double size, List<String> lines) {
    Result {
      lines = List.copyOf(lines);
    }
  }

  private TextFit() {}

  /**
   * Fits {@code lines} into {@code width} × {@code height} points.
   *
   * @param widthAtOnePoint the width of a string at font size 1, in points
   * @throws SigningException {@code OF-SIGN-211} if they do not fit even at {@link #MIN_SIZE}
   */
  static Result fit(
      List<String> lines, double width, double height, ToDoubleFunction<String> widthAtOnePoint) {
    for (double size = MAX_SIZE; size >= MIN_SIZE; size -= STEP) {
      double maxWidth = width / size;
      List<String> wrapped = new ArrayList<>();
      for (String line : lines) {
        wrapped.addAll(wrap(line, maxWidth, widthAtOnePoint));
      }
      if (wrapped.size() * size * LEADING <= height) {
        return new Result(size, wrapped);
      }
    }
    throw SigningException.of(
        SigningException.APPEARANCE_TEXT_TOO_LONG,
        "the %d line(s) of the signature appearance (%d characters) do not fit into %.1f x %.1f"
            + " points even at %.0f pt; make the rectangle larger or the lines shorter",
        lines.size(),
        lines.stream().mapToInt(String::length).sum(),
        width,
        height,
        MIN_SIZE);
  }

  /** Greedy wrapping: as many words per line as fit into {@code maxWidth}. */
  static List<String> wrap(String line, double maxWidth, ToDoubleFunction<String> measure) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : line.trim().split(" +")) {
      String candidate = current.length() == 0 ? word : current + " " + word;
      if (measure.applyAsDouble(candidate) <= maxWidth) {
        current.setLength(0);
        current.append(candidate);
        continue;
      }
      if (current.length() > 0) {
        out.add(current.toString());
        current.setLength(0);
      }
      String rest = word;
      while (measure.applyAsDouble(rest) > maxWidth) {
        int cut = longestPrefix(rest, maxWidth, measure);
        out.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      current.append(rest);
    }
    if (current.length() > 0) {
      out.add(current.toString());
    }
    return out;
  }

  /** The length of the longest prefix (at least one code point) that fits. */
  private static int longestPrefix(String word, double maxWidth, ToDoubleFunction<String> measure) {
    int end = word.offsetByCodePoints(0, 1);
    while (end < word.length()) {
      int next = word.offsetByCodePoints(end, 1);
      if (measure.applyAsDouble(word.substring(0, next)) > maxWidth) {
        break;
      }
      end = next;
    }
    return end;
  }
}
