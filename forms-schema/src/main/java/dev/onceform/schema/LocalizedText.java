package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/**
 * A text in Vietnamese and, optionally, English, as written in a form's {@code x-label} or {@code
 * x-help}.
 *
 * @param vi the Vietnamese text (required, not blank)
 * @param en the English text, if the author gave one
 */
public record LocalizedText(String vi, Optional<String> en) {

  /** Checks that the Vietnamese text is present. */
  public LocalizedText {
    requireNonNull(vi, "vi");
    requireNonNull(en, "en");
    if (vi.isBlank()) {
      throw new IllegalArgumentException("vi must not be blank");
    }
  }

  /** Returns a text with only a Vietnamese version. */
  public static LocalizedText of(String vi) {
    return new LocalizedText(vi, Optional.empty());
  }

  /** Returns a text with a Vietnamese and an English version. */
  public static LocalizedText of(String vi, String en) {
    return new LocalizedText(vi, Optional.of(requireNonNull(en, "en")));
  }

  /**
   * Returns the text for a locale: English when the locale's language is English and an English
   * text exists, Vietnamese otherwise. The JVM's default locale is never consulted.
   */
  public String in(Locale locale) {
    requireNonNull(locale, "locale");
    return "en".equals(locale.getLanguage()) ? en.orElse(vi) : vi;
  }
}
