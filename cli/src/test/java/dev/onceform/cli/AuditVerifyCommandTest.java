package dev.onceform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onceform.core.audit.AuditEvent;
import dev.onceform.core.audit.AuditSinks;
import dev.onceform.core.audit.CloseableAuditSink;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifyCommandTest {
  @TempDir Path dir;
  private Path log;
  private List<String> lines;

  /** What one run of the tool did. */
  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void writeLog() throws Exception {
    log = dir.resolve("audit.jsonl");
    try (CloseableAuditSink sink = AuditSinks.jsonLines(log)) {
      for (int i = 1; i <= 4; i++) {
        sink.record(
            new AuditEvent(
                Instant.parse("2026-11-23T08:00:00Z").plusSeconds(i),
                "corr-" + i,
                "birth-registration@0.1.0",
                "birth-registration",
                "population",
                "fake-population",
                "applicant",
                new TreeSet<>(Set.of("fullName")),
                AuditEvent.Outcome.FOUND,
                Duration.ofMillis(i)));
      }
    }
    lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
  }

  private Run verifyRewritten(String... options) throws Exception {
    Files.write(log, lines, StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(List.of("audit", "verify"));
    args.addAll(List.of(options));
    args.add(log.toString());
    return run(args.toArray(String[]::new));
  }

  @Test
  void verify_intactLog_exitZeroWithLinesAndHead() {
    Run run = run("audit", "verify", "--lang", "en", log.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("intact, 4 lines; head ");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void verify_alteredLine_exitOneNamingLineAndKind() throws Exception {
    lines.set(1, lines.get(1).replace("\"FOUND\"", "\"REFUSED\""));

    Run run = verifyRewritten("--lang", "en");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("TAMPERED at line 2: ALTERED");
  }

  @Test
  void verify_removedLine_exitOneChainBroken() throws Exception {
    lines.remove(1);

    Run run = verifyRewritten("--lang", "en");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("TAMPERED at line 2: CHAIN_BROKEN");
  }

  @Test
  void verify_reorderedLines_exitOneChainBroken() throws Exception {
    lines.add(3, lines.remove(1));

    Run run = verifyRewritten();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("BỊ SỬA ĐỔI ở dòng 2: CHAIN_BROKEN");
  }

  @Test
  void verify_truncatedLastLine_exitOneMalformed_json() throws Exception {
    String content = Files.readString(log, StandardCharsets.UTF_8);
    Files.writeString(log, content.substring(0, content.length() - 30), StandardCharsets.UTF_8);

    Run run = run("audit", "verify", "--json", log.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("intact").asBoolean()).isFalse();
    assertThat(report.get("lines").asLong()).isEqualTo(3);
    assertThat(report.at("/defect/line").asLong()).isEqualTo(4);
    assertThat(report.at("/defect/kind").asText()).isEqualTo("MALFORMED");
  }

  @Test
  void verify_linesCutOffTheEnd_foundWithHead() throws Exception {
    JsonNode before =
        new ObjectMapper().readTree(run("audit", "verify", "--json", log.toString()).out());
    lines.remove(3);

    Run run = verifyRewritten("--lang", "en", "--head", before.get("head").asText());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("TAMPERED at line 4: TRUNCATED");
  }

  @Test
  void verify_badHead_usageError() {
    Run run = run("audit", "verify", "--head", "xyz", log.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--head").contains("'xyz'").doesNotContain("\tat ");
  }

  @Test
  void verify_missingFile_exitTwoOneLine() {
    Run run = run("audit", "verify", dir.resolve("nope.jsonl").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("file not found");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void audit_withoutSubcommand_usageError() {
    Run run = run("audit");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("a subcommand is required");
  }
}
