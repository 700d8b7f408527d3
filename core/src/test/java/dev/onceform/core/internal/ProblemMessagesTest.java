package dev.onceform.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProblemMessagesTest {

  @Test
  void bundles_vietnameseAndEnglish_haveTheSameKeys() {
    Messages messages = ProblemMessages.bundled().messages();

    assertThat(messages.keys(Locale.forLanguageTag("vi")))
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(messages.keys(Locale.ENGLISH));
  }

  @Test
  void bundles_everyFormatHasItsOwnMessage() {
    Messages messages = ProblemMessages.bundled().messages();

    VnFormats.all()
        .forEach(format -> assertThat(messages.has("format." + format.getName())).isTrue());
  }
}
