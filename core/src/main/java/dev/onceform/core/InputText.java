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

  /** Returns the text in Unicode NFC; the same instance when it already is. */
  static String nfc(String s) {
    return Normalizer.isNormalized(s, Normalizer.Form.NFC)
        ? s
        : Normalizer.normalize(s, Normalizer.Form.NFC);
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
