package dev.onceform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onceform validate} on hostile input: one clear line on stderr and exit code 2. */
class ValidateCommandInputTest {
  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run validate(Path file) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"validate", "--form", "birth-registration@1.0.0", file.toString()},
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private static void assertOneLineError(Run run, String... fragments) {
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(run.err()).startsWith("onceform validate: ").contains(fragments);
  }

  @Test
  void deepNesting_exit2_withTheLimit() throws Exception {
    Path file = Files.writeString(dir.resolve("deep.json"), "[".repeat(10_000));

    assertOneLineError(
        validate(file),
        "OF-JSON-104: " + file + ":1:33 at JSON Pointer \"/0/0/0",
        "the limit is 32 (SubmissionLimits.maxDepth)");
  }

  @Test
  void millionElementArray_exit2_withTheLimit() throws Exception {
    Path file = dir.resolve("big.json");
    byte[] chunk = ("\"" + "x".repeat(1_000) + "\",").getBytes(StandardCharsets.US_ASCII);
    try (var out = Files.newOutputStream(file)) {
      out.write('[');
      for (int i = 0; i < 1_500; i++) {
        out.write(chunk);
      }
      out.write("1]".getBytes(StandardCharsets.US_ASCII));
    }

    assertOneLineError(
        validate(file),
        "OF-JSON-106: " + file + ":1:",
        "at JSON Pointer \"/1000\"",
        "the limit is 1,000 (SubmissionLimits.maxArrayLength)");
  }

  @Test
  void oversizedDocument_exit2_withTheLimit() throws Exception {
    Path file = dir.resolve("big.json");
    byte[] chunk = ("\"" + "x".repeat(9_000) + "\",").getBytes(StandardCharsets.US_ASCII);
    try (var out = Files.newOutputStream(file)) {
      out.write('[');
      for (int i = 0; i < 300; i++) {
        out.write(chunk);
      }
      out.write("1]".getBytes(StandardCharsets.US_ASCII));
    }

    assertOneLineError(
        validate(file),
        "OF-JSON-103: " + file + ":1:",
        "the limit is 2,097,152 (SubmissionLimits.maxDocumentBytes)");
  }

  @Test
  void escapedNul_exit2_withPointer() throws Exception {
    Path file =
        Files.writeString(dir.resolve("nul.json"), "{\"child\": {\"fullName\": \"An\\u0000\"}}");

    assertOneLineError(
        validate(file),
        "OF-JSON-110: " + file + ":1:24 at JSON Pointer \"/child/fullName\"",
        "U+0000");
  }

  @Test
  void invalidUtf8_exit2() throws Exception {
    Path file =
        Files.write(
            dir.resolve("latin1.json"),
            "{\"a\": \"Hà Nội\"}".getBytes(StandardCharsets.ISO_8859_1));

    assertOneLineError(validate(file), "OF-JSON-112: " + file + ":1:", "not UTF-8");
  }
}
