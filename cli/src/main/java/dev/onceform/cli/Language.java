package dev.onceform.cli;

import java.util.Locale;

/** The languages of the tool's messages, as given to {@code --lang}. */
enum Language {
  vi,
  en;

  Locale locale() {
    return Locale.forLanguageTag(name());
  }

  /** Picks the Vietnamese or the English text. */
  String pick(String vietnamese, String english) {
    return this == en ? english : vietnamese;
  }
}
