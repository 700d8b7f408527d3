package dev.onceform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onceform.core.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  @TempDir Path dir;

  /** What one run of the tool did. */
  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private Path write(String name, String content) throws Exception {
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }

  /** A small form; {@code field} is the body of its one field, on lines 7 and after. */
  private static String form(String version, String field) {
    return """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-form": { "id": "small", "version": "%s", "procedureCode": "1.000001", "title": { "vi": "Tờ khai" }, "level": "commune", "result": "receipt" },
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "ethnicity": {
              "x-label": { "vi": "Dân tộc", "en": "Ethnicity" },
              %s
            }
          }
        }
        """
        .formatted(version, field);
  }

  private static final String FINE_FIELD =
      "\"type\": \"string\", \"x-codelist\": \"ethnic-groups\","
          + " \"x-prefill\": { \"source\": \"population\", \"attribute\": \"ethnicity\" }";

  @Test
  void lint_cleanForm_exit0_printsCoverage() throws Exception {
    Path file = write("birth.json", Fixtures.birthRegistration().schema().toPrettyString());

    Run run = run("lint", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "birth-registration@0.1.0: prefill coverage 13/23 leaf fields (56%)\n"
                + "0 errors, 0 warnings\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void lint_error_exit1_printsFindingAndHint() throws Exception {
    Path file =
        write("bad.json", form("1.0.0", "\"type\": \"string\", \"x-codelist\": \"ethnic-group\""));

    Run run = run("lint", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .startsWith(
            file
                + ":9:39: error codelist.unknown: code list 'ethnic-group' is unknown\n"
                + "  hint: did you mean 'ethnic-groups'?")
        .contains("small@1.0.0: prefill coverage 0/1 leaf fields (0%)\n")
        .endsWith("1 error, 0 warnings\n");
  }

  @Test
  void lint_warningsOnly_exit0() throws Exception {
    String twoFields =
        form("1.0.0", FINE_FIELD + ", \"x-order\": 1")
            .replace(
                "\"properties\": {\n",
                "\"properties\": {\n    \"a\": { \"x-label\": { \"vi\": \"A\" }, \"type\": \"string\","
                    + " \"x-order\": 1 },\n");

    Run run = run("lint", write("warn.json", twoFields).toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("warning order.duplicate").endsWith("0 errors, 1 warning\n");
  }

  @Test
  void lint_invalidJson_exit1_withParserPosition() throws Exception {
    Path file = write("broken.json", "{\n  \"a\": 1\n  \"b\": 2\n}\n");

    Run run = run("lint", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).startsWith(file + ":3:3: error json.invalid: not valid JSON:");
  }

  @Test
  void lint_missingFile_exit2_stillLintsTheOthers() throws Exception {
    Path good = write("good.json", form("1.0.0", FINE_FIELD));
    Path missing = dir.resolve("missing.json");

    Run run = run("lint", good.toString(), missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .contains(missing + ": error io.unreadable: file not found\n")
        .contains("small@1.0.0: prefill coverage 1/1 leaf fields (100%)");
  }

  @Test
  void lint_breakingChangeSincePrevious_exit1() throws Exception {
    Path published = write("small-1.0.0.json", form("1.0.0", FINE_FIELD));
    Path next = write("small-1.0.1.json", form("1.0.1", FINE_FIELD + ", \"maxLength\": 2"));

    Run run = run("lint", "--previous", published.toString(), next.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(next + ":3:41: error version.breaking: small 1.0.0 -> 1.0.1")
        .contains("/ethnicity CONSTRAINT_TIGHTENED")
        .contains("hint: bump the version to 2.0.0");
  }

  @Test
  void lint_localCatalog_makesItsSourceKnown() throws Exception {
    Path catalog =
        write(
            "catalog.json",
            """
            { "sources": { "fee-office": {
                "name": { "vi": "Cơ sở dữ liệu phí", "en": "Fee office" }, "local": true,
                "attributes": { "category": { "type": "string",
                  "description": { "vi": "Loại phí", "en": "Fee category" } } } } } }
            """);
    Path file =
        write(
            "local.json",
            form(
                "1.0.0",
                "\"type\": \"string\", \"x-prefill\": { \"source\": \"fee-office\", \"attribute\": \"category\" }"));

    Run without = run("lint", file.toString());
    Run with = run("lint", "--catalog", catalog.toString(), file.toString());

    assertThat(without.exitCode()).isEqualTo(1);
    assertThat(without.out()).contains("prefill.unknown-source");
    assertThat(with.exitCode()).isZero();
  }

  @Test
  void lint_json_printsFindingsAndCoverage() throws Exception {
    Path file =
        write("bad.json", form("1.0.0", "\"type\": \"string\", \"x-codelist\": \"ethnic-group\""));

    Run run = run("lint", "--json", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.path("errors").asInt()).isEqualTo(1);
    JsonNode finding = report.path("findings").path(0);
    assertThat(finding.path("file").asText()).isEqualTo(file.toString());
    assertThat(finding.path("line").asInt()).isEqualTo(9);
    assertThat(finding.path("column").asInt()).isEqualTo(39);
    assertThat(finding.path("severity").asText()).isEqualTo("error");
    assertThat(finding.path("code").asText()).isEqualTo("codelist.unknown");
    assertThat(finding.path("pointer").asText()).isEqualTo("/properties/ethnicity/x-codelist");
    assertThat(finding.path("hint").asText()).contains("ethnic-groups");
    JsonNode coverage = report.path("coverage").path(0);
    assertThat(coverage.path("form").asText()).isEqualTo("small@1.0.0");
    assertThat(coverage.path("citizenEntered").asInt()).isEqualTo(1);
    assertThat(coverage.path("unfilled").path(0).asText()).isEqualTo("/ethnicity");
  }

  @Test
  void lint_previousFileMissing_exit2_oneLine() {
    Run run = run("lint", "--previous", dir.resolve("gone.json").toString(), "x.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("gone.json: file not found");
  }

  @Test
  void lint_withoutFiles_exit2() {
    Run run = run("lint");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("FILE").contains("--help");
  }

  private static String birthTemplate() throws Exception {
    return Files.readString(
        Path.of(
            "../core/src/main/resources/dev/onceform/core/result/templates/birth-certificate.json"),
        StandardCharsets.UTF_8);
  }

  @Test
  void lint_resultTemplate_isCheckedAgainstTheFormItNames() throws Exception {
    Path file = write("birth-certificate.json", birthTemplate());

    Run run = run("lint", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("0 errors, 0 warnings\n");
  }

  @Test
  void lint_resultTemplateWithUnknownPointer_exit1_printsFinding() throws Exception {
    String json = birthTemplate().replace("\"/child/hometown\"", "\"/child/homeTown\"");
    Path file = write("t.json", json);
    int index = json.indexOf("\"/child/homeTown\"");
    int line = (int) json.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    int column = index - json.lastIndexOf('\n', index);

    Run run = run("lint", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .startsWith(
            file
                + ":"
                + line
                + ":"
                + column
                + ": error result.unknown-pointer: form birth-registration@1.0.0 has no field"
                + " /child/homeTown\n  hint: did you mean /child/hometown?\n");
  }
}
