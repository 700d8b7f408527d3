package dev.onceform.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The lint rules for {@code x-not-future} and {@code x-personal-id}. */
class FieldKeywordCheckTest {
  private static final Path FILE = Path.of("src/test/resources/lint/field-keywords.json");

  @Test
  void lint_misplacedOrWronglyLinkedKeywords_reportsEachAtItsLine() {
    LintReport report = FormLinter.builder().build().lint(FILE);

    assertThat(report.findings())
        .extracting(LintFinding::code, LintFinding::line, LintFinding::column)
        .containsExactlyInAnyOrder(
            tuple("personal-id.wrong-field", 14, 45),
            tuple("personal-id.unknown-field", 14, 72),
            tuple("not-future.misplaced", 19, 11),
            tuple("personal-id.misplaced", 25, 11));
    assertThat(report.findings())
        .allSatisfy(f -> assertThat(f.file()).endsWith("field-keywords.json"));
  }

  @Test
  void lint_messagesNameTheFieldsAndHowToFix() {
    LintReport report = FormLinter.builder().build().lint(FILE);

    assertThat(report.findings())
        .extracting(LintFinding::code, LintFinding::message)
        .contains(
            tuple(
                "personal-id.wrong-field",
                "x-personal-id dateOfBirth names /person/fullName, which is not a field with"
                    + " \"format\": \"date\""),
            tuple(
                "personal-id.unknown-field",
                "x-personal-id sex names /person/gender, which the form does not have"),
            tuple(
                "not-future.misplaced",
                "x-not-future is on field /person/fullName, whose format is not set; it applies"
                    + " to dates only"),
            tuple(
                "personal-id.misplaced",
                "x-personal-id is on field /person/phone, whose format is 'vn-phone'; it links a"
                    + " personal identification number to a date of birth and sex"));
  }

  @Test
  void lint_correctlyPlacedKeywords_isClean() throws IOException {
    String fixed =
        Files.readString(FILE)
            .replace("\"/person/fullName\"", "\"/person/dateOfBirth\"")
            .replace("\"/person/gender\"", "\"/person/sex\"")
            .replace(
                "\"type\": \"string\",\n          \"x-not-future\": true\n",
                "\"type\": \"string\"\n")
            .replace(",\n          \"x-personal-id\": { \"sex\": \"/person/sex\" }", "");

    assertThat(FormLinter.builder().build().lint(fixed, "fixed.json").findings()).isEmpty();
  }

  @Test
  void lint_unknownMemberOfXPersonalId_isAMetaSchemaError() throws IOException {
    String bad =
        Files.readString(FILE)
            .replace("\"sex\": \"/person/gender\"", "\"gender\": \"/person/sex\"");

    assertThat(FormLinter.builder().build().lint(bad, "bad.json").findings())
        .extracting(LintFinding::code)
        .contains("meta-schema");
  }

  @Test
  void diff_addingXNotFuture_isATightenedConstraint_removingIt_loosens() throws IOException {
    FormDefinition with = FormDefinition.parse(Files.readString(FILE), "with.json");
    FormDefinition without =
        FormDefinition.parse(
            Files.readString(FILE).replace(",\n          \"x-not-future\": true\n", "\n"),
            "without.json");

    assertThat(FormDefinition.diff(without, with).changes())
        .extracting(FormChange::field, FormChange::kind, FormChange::breaking)
        .contains(tuple("/person/dateOfBirth", FormChange.Kind.CONSTRAINT_TIGHTENED, true));
    assertThat(FormDefinition.diff(with, without).compatible()).isTrue();
  }
}
