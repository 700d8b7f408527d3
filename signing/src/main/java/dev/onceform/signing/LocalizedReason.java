package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * A plain-language explanation of a verification result, in Vietnamese and English.
 *
 * @param key a stable message key, e.g. {@code hash.mismatch}, for programs and tests
 * @param vi the Vietnamese text
 * @param en the English text
 */
public record LocalizedReason(String key, String vi, String en) {

  /**
   * Checks that no component is null.
   *
   * @param key a stable message key
   * @param vi the Vietnamese text
   * @param en the English text
   */
  public LocalizedReason {
    requireNonNull(key, "key");
    requireNonNull(vi, "vi");
    requireNonNull(en, "en");
  }

  /**
   * Returns the text for a locale: Vietnamese for language {@code vi}, English otherwise.
   *
   * @param locale the reader's locale
   * @return the text
   */
  public String text(Locale locale) {
    return "vi".equals(requireNonNull(locale, "locale").getLanguage()) ? vi : en;
  }
}
