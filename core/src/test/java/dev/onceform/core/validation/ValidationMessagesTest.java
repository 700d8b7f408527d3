package dev.onceform.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onceform.core.FormEngine;
import dev.onceform.core.testing.TestForms;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.LocalizedText;
import dev.onceform.schema.OnceFormException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationMessagesTest {
  private static final Locale VI = Locale.forLanguageTag("vi");
  private static final FormDefinition FORM =
      TestForms.form(
          "messages-test",
          "\"name\": {\"type\": \"string\", \"x-label\": {\"vi\": \"Họ và tên\", \"en\":"
              + " \"Full name\"}}, \"copies\": {\"type\": \"integer\", \"maximum\": 5, \"x-label\": {\"vi\": \"Số bản\", \"en\": \"Copies\"}}");

  private static LocalizedText messageOf(ValidationMessages messages, String submission)
      throws IOException {
    FormEngine engine = FormEngine.builder().form(FORM).messages(messages).build();
    ValidationReport report =
        engine.validate("messages-test", new ObjectMapper().readTree(submission));
    assertThat(report.problems()).hasSize(1);
    return report.problems().get(0).message();
  }

  @Test
  void withOverrides_oneCodeInVietnamese_replacesOnlyThatText() throws IOException {
    ValidationMessages messages =
        ValidationMessages.builtIn()
            .withOverrides(VI, Map.of("type", "Ô “{0}” phải là chữ, không phải số."));

    LocalizedText message = messageOf(messages, "{\"name\": 1}");

    assertThat(message.vi()).isEqualTo("Ô “Họ và tên” phải là chữ, không phải số.");
    assertThat(message.in(Locale.ENGLISH)).isEqualTo("“Full name” has the wrong kind of value.");
    assertThat(messages.patterns(VI).get("required")).isEqualTo("Chưa nhập “{0}”.");
  }

  @Test
  void builtIn_isTheEngineDefault() throws IOException {
    LocalizedText message = messageOf(ValidationMessages.builtIn(), "{\"copies\": 9}");

    assertThat(message.vi()).isEqualTo("“Số bản” không được lớn hơn 5.");
    assertThat(message.in(Locale.ENGLISH)).isEqualTo("“Copies” must be at most 5.");
  }

  @Test
  void withOverrides_propertiesFile_readAsUtf8(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("en.properties");
    Files.writeString(
        file,
        "# agency texts\nmaximum=No more than {1} for “{0}”, please; that''s the limit.\n",
        StandardCharsets.UTF_8);

    ValidationMessages messages = ValidationMessages.builtIn().withOverrides(Locale.ENGLISH, file);

    LocalizedText message = messageOf(messages, "{\"copies\": 9}");
    assertThat(message.in(Locale.ENGLISH))
        .isEqualTo("No more than 5 for “Copies”, please; that's the limit.");
    assertThat(message.vi()).isEqualTo("“Số bản” không được lớn hơn 5.");
  }

  @Test
  void withBundle_readsBothLanguagesFromTheClassPath() throws IOException {
    ValidationMessages messages =
        ValidationMessages.builtIn()
            .withBundle("agency-bundle.messages", ValidationMessagesTest.class.getClassLoader());

    LocalizedText message = messageOf(messages, "{\"name\": 1}");

    assertThat(message.vi()).isEqualTo("Trường “Họ và tên” phải là văn bản.");
    assertThat(message.in(Locale.ENGLISH)).isEqualTo("The field “Full name” must be text.");
  }

  @Test
  void withBundle_missing_failsWithCode() {
    assertThatThrownBy(
            () ->
                ValidationMessages.builtIn()
                    .withBundle("no.such.bundle", ValidationMessagesTest.class.getClassLoader()))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-VALID-151")
        .hasMessageContaining("no/such/bundle_vi.properties");
  }

  @Test
  void withOverrides_unknownCode_failsNamingIt() {
    assertThatThrownBy(
            () -> ValidationMessages.builtIn().withOverrides(VI, Map.of("requird", "Thiếu {0}")))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-VALID-150")
        .hasMessageContaining("'requird'")
        .hasMessageContaining("required");
  }

  @Test
  void withOverrides_brokenPattern_failsNamingTheCode() {
    assertThatThrownBy(
            () -> ValidationMessages.builtIn().withOverrides(VI, Map.of("required", "Thiếu {0")))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-VALID-151")
        .hasMessageContaining("'required'");
  }

  @Test
  void withOverrides_otherLanguage_isRejected() {
    assertThatThrownBy(
            () -> ValidationMessages.builtIn().withOverrides(Locale.FRENCH, Map.of("type", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("language must be vi or en, but was 'fr'");
  }

  @Test
  void codes_sameInBothLanguages() {
    ValidationMessages messages = ValidationMessages.builtIn();

    assertThat(messages.codes()).contains("required", "format.vn-personal-id", "seal.tampered");
    assertThat(messages.patterns(VI).keySet())
        .containsExactlyInAnyOrderElementsOf(messages.patterns(Locale.ENGLISH).keySet());
  }

  @Test
  void toBuilder_keepsTheOverriddenMessages() throws IOException {
    ValidationMessages messages =
        ValidationMessages.builtIn().withOverrides(Locale.ENGLISH, Map.of("type", "Bad “{0}”."));
    FormEngine engine = FormEngine.builder().form(FORM).messages(messages).build();

    ValidationReport report =
        engine.toBuilder()
            .build()
            .validate("messages-test", new ObjectMapper().readTree("{\"name\": 1}"));

    assertThat(report.problems().get(0).message().in(Locale.ENGLISH)).isEqualTo("Bad “Full name”.");
  }
}
