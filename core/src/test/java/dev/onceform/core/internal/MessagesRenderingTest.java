package dev.onceform.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onceform.schema.LocalizedText;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in message renders in both languages without MessageFormat artefacts. */
class MessagesRenderingTest {
  private static final Messages MESSAGES = ProblemMessages.bundled().messages();
  private static final Locale VI = Locale.forLanguageTag("vi");

  static Stream<String> keys() {
    return MESSAGES.keys(VI).stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void message_rendersCleanlyInBothLanguages(String key) {
    LocalizedText text =
        MESSAGES.text(
            key,
            new Object[] {"Họ và tên", "12", "Xã Hòa Phú"},
            new Object[] {"Full name", "12", "Xã Hòa Phú"});

    check(key, MESSAGES.patterns(VI), text.vi(), "Họ và tên");
    check(key, MESSAGES.patterns(Locale.ENGLISH), text.in(Locale.ENGLISH), "Full name");
  }

  private static void check(String key, Map<String, String> patterns, String out, String label) {
    String pattern = java.util.Objects.requireNonNull(patterns.get(key), key);
    assertThat(out).as(key).isNotBlank().doesNotContain("{", "}", "''");
    assertThat(pattern.replace("''", ""))
        .as(key + ": an apostrophe must be written ''")
        .doesNotContain("'");
    assertThat(out.chars().filter(c -> c == '\'').count())
        .as(key + ": every '' renders as one apostrophe")
        .isEqualTo((pattern.length() - pattern.replace("''", "").length()) / 2);
    if (pattern.contains("{0}")) {
      assertThat(out).as(key).contains(label);
    }
    if (pattern.contains("{1}")) {
      assertThat(out).as(key).contains("12");
    }
    if (pattern.contains("{2}")) {
      assertThat(out).as(key).contains("Xã Hòa Phú");
    }
    assertThat(out).as(key + " ends a sentence").endsWith(".");
  }
}
