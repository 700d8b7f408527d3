package dev.onceform.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Loads the caller's TrueType font for a visible signature and checks it has every letter. */
final class AppearanceFont {

  private AppearanceFont() {}

  /**
   * Checks that {@code trueType} parses as a TrueType font with a Unicode cmap.
   *
   * @param what the font's name in the message, e.g. a path
   * @throws SigningException {@code OF-SIGN-210} if not
   */
  static void requireReadable(byte[] trueType, String what) {
    try (PDDocument scratch = new PDDocument()) {
      load(scratch, trueType, what);
    } catch (IOException e) {
      throw unusable(e, what);
    }
  }

  /**
   * Loads the font into {@code document}, to be embedded as a subset with a ToUnicode map, and
   * checks it can show every line.
   *
   * @throws SigningException {@code OF-SIGN-210} if the font is unusable or lacks a letter
   */
  static PDType0Font load(PDDocument document, byte[] trueType, List<String> lines) {
    PDType0Font font = load(document, trueType, "the appearance font");
    for (String line : lines) {
      line.codePoints()
          .forEach(
              codePoint -> {
                try {
                  font.encode(new String(Character.toChars(codePoint)));
                } catch (IOException | IllegalArgumentException e) {
                  throw SigningException.of(
                      e,
                      SigningException.APPEARANCE_FONT,
                      "the appearance font '%s' has no glyph for U+%04X in line '%s'; pass a font"
                          + " with all Vietnamese letters to SignatureAppearance.Builder.font",
                      font.getName(),
                      codePoint,
                      line);
                }
              });
    }
    return font;
  }

  private static PDType0Font load(PDDocument document, byte[] trueType, String what) {
    try {
      return PDType0Font.load(document, new ByteArrayInputStream(trueType), true);
    } catch (IOException | RuntimeException e) {
      // FontBox reports some malformed fonts with unchecked exceptions.
      throw unusable(e, what);
    }
  }

  private static SigningException unusable(Exception e, String what) {
    return SigningException.of(
        e,
        SigningException.APPEARANCE_FONT,
        "%s (%s) is not a usable TrueType font: %s; pass a .ttf file with a Unicode cmap",
        what,
        e.getClass().getSimpleName(),
        e.getMessage());
  }
}
