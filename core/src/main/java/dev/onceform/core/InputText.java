package dev.onceform.core;

import java.text.Normalizer;

/** The checks every string and member name of a submission passes, and its NFC normalisation. */
final class InputText {
  /** {@link #badChar} found nothing. */
  static final int OK = -1;

  private InputText() {}

  /**
   * Returns the index of the first char that is a control character (Unicode category Cc, other
   * than tab, line feed and carriage return) or an unpaired surrogate, or {@link #OK}.
   */
  static int badChar(String s) {
    int length = s.length();
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0x20) {
        if (c != '\t' && c != '\n' && c != '\r') {
          return i;
        }
      } else if (c >= 0x7f && c <= 0x9f) {
        return i;
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return OK;
  }

  /**
   * In a {@link #scan} result: the text may not be in NFC (it has chars {@link #surelyNfc} doubts).
   */
  static final long MAYBE_NOT_NFC = 1L << 62;

  /**
   * The checks of {@link #badChar}, {@link #utf8Length} and {@link #surelyNfc} in one pass over the
   * text: returns {@code -(index + 1)} of the first bad char, or else the UTF-8 length, with {@link
   * #MAYBE_NOT_NFC} set when the full NFC check is needed.
   */
  static long scan(String s) {
    long bytes = 0;
    long nfc = 0;
    int length = s.length();
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c == 0x7f) {
          return -(i + 1L);
        }
        bytes += 1;
      } else if (c < 0x800) {
        if (c <= 0x9f) {
          return -(i + 1L);
        }
        if (c >= 0x300) {
          nfc = MAYBE_NOT_NFC;
        }
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
          bytes += 4;
          nfc = MAYBE_NOT_NFC;
          i++;
        } else {
          return -(i + 1L);
        }
      } else if (Character.isLowSurrogate(c)) {
        return -(i + 1L);
      } else {
        if (c < 0x1E00 || c > 0x1EFF) {
          nfc = MAYBE_NOT_NFC;
        }
        bytes += 3;
      }
    }
    return bytes | nfc;
  }

  /** Returns the text in Unicode NFC; the same instance when it already is. */
  static String nfc(String s) {
    return surelyNfc(s) || Normalizer.isNormalized(s, Normalizer.Form.NFC)
        ? s
        : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  /**
   * A fast NFC quick check for the text submissions are made of: true when every char is below
   * U+0300 (ASCII, Latin-1 and Latin Extended A/B: ă đ ơ ư …) or in Latin Extended Additional
   * (U+1E00–U+1EFF: ạ ầ ữ ỹ …). All those have NFC_Quick_Check=Yes and combining class 0, so such a
   * text is in NFC (UAX #15 quick check); anything else goes to the full check. The characters of
   * precomposed Vietnamese are all in these ranges.
   */
  static boolean surelyNfc(String s) {
    int length = s.length();
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c >= 0x300 && (c < 0x1E00 || c > 0x1EFF)) {
        return false;
      }
    }
    return true;
  }

  /** Returns how many bytes the text takes in UTF-8 (an unpaired surrogate counts 3). */
  static long utf8Length(CharSequence s) {
    long bytes = 0;
    int length = s.length();
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
