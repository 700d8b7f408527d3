package dev.onceform.core.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Breaks text into lines that fit a width in a font: at spaces where possible, inside a word when a
 * word alone is too wide. Text is NFC-normalised first, and characters the font cannot show are
 * replaced by '?', so no input can make PDFBox fail. One instance per document.
 */
final class TextLines {
  private static final Pattern SPACES = Pattern.compile(" +");
  private static final Pattern NEWLINE = Pattern.compile("\n");

  private final Map<PDFont, Map<Integer, Boolean>> encodable = new HashMap<>();
  private final Map<PDFont, Map<Integer, Float>> widths = new HashMap<>();

  /** Returns the lines of {@code text}; line breaks in the text start new lines. */
  List<String> wrap(String text, PDFont font, float size, float width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : NEWLINE.split(printable(text, font), -1)) {
      wrapParagraph(paragraph, font, size, width, lines);
    }
    return lines;
  }

  float width(String text, PDFont font, float size) {
    Map<Integer, Float> glyphs = widths.computeIfAbsent(font, f -> new HashMap<>());
    float units = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      units += glyphs.computeIfAbsent(cp, c -> glyphWidth(font, c));
      i += Character.charCount(cp);
    }
    return units / 1000f * size;
  }

  /** The advance width of one character in font units; PDFBox sums these, without kerning. */
  private static float glyphWidth(PDFont font, int codePoint) {
    try {
      return font.getStringWidth(new String(Character.toChars(codePoint)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void wrapParagraph(
      String paragraph, PDFont font, float size, float width, List<String> out) {
    StringBuilder line = new StringBuilder();
    float used = 0;
    float space = width(" ", font, size);
    for (String word : SPACES.split(paragraph, -1)) {
      if (word.isEmpty()) {
        continue;
      }
      float wordWidth = width(word, font, size);
      float candidate = line.length() == 0 ? wordWidth : used + space + wordWidth;
      if (candidate <= width) {
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
        used = candidate;
        continue;
      }
      if (line.length() > 0) {
        out.add(line.toString());
        line.setLength(0);
      }
      String rest = breakLongWord(word, font, size, width, out);
      line.append(rest);
      used = width(rest, font, size);
    }
    out.add(line.toString());
  }

  /** Emits the full-width pieces of a word too wide for a line; returns the last piece. */
  private String breakLongWord(
      String word, PDFont font, float size, float width, List<String> out) {
    int start = 0;
    float used = 0;
    for (int i = 0; i < word.length(); ) {
      int next = word.offsetByCodePoints(i, 1);
      float glyph = width(word.substring(i, next), font, size);
      if (used + glyph > width && i > start) {
        out.add(word.substring(start, i));
        start = i;
        used = 0;
      }
      used += glyph;
      i = next;
    }
    return word.substring(start);
  }

  private String printable(String text, PDFont font) {
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n");
    StringBuilder out = new StringBuilder(nfc.length());
    nfc.codePoints()
        .forEach(
            cp -> {
              if (cp == '\n') {
                out.append('\n');
              } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
              } else if (canShow(cp, font)) {
                out.appendCodePoint(cp);
              } else {
                out.append('?');
              }
            });
    return out.toString();
  }

  private boolean canShow(int codePoint, PDFont font) {
    if (Character.isISOControl(codePoint)) {
      return false;
    }
    return encodable
        .computeIfAbsent(font, f -> new HashMap<>())
        .computeIfAbsent(
            codePoint,
            cp -> {
              try {
                font.encode(new String(Character.toChars(cp)));
                return true;
              } catch (IllegalArgumentException | IOException e) {
                return false;
              }
            });
  }
}
