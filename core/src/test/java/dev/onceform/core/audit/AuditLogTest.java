package dev.onceform.core.audit;

import static dev.onceform.core.audit.AuditEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.core.audit.AuditLogReport.Defect;
import dev.onceform.core.audit.AuditLogReport.Kind;
import dev.onceform.schema.OnceFormException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path dir;
  private Path log;
  private List<String> lines;

  @BeforeEach
  void writeFiveLines() throws Exception {
    log = dir.resolve("audit.jsonl");
    try (CloseableAuditSink sink = AuditSinks.jsonLines(log)) {
      for (int i = 1; i <= 5; i++) {
        sink.record(event(i));
      }
    }
    lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
  }

  private Defect verifyRewritten() throws Exception {
    Files.write(log, lines, StandardCharsets.UTF_8);
    AuditLogReport report = AuditLog.verify(log);
    assertThat(report.intact()).isFalse();
    return report.defect().orElseThrow();
  }

  @Test
  void verify_untouched_intactWithHeadOfLastLine() throws Exception {
    AuditLogReport report = AuditLog.verify(log);

    assertThat(report.intact()).isTrue();
    assertThat(report.lines()).isEqualTo(5);
    assertThat(lines.get(4)).endsWith(",\"hash\":\"" + report.head() + "\"}");
  }

  @Test
  void verify_emptyFile_intactNoLines() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.jsonl"));

    AuditLogReport report = AuditLog.verify(empty);
    assertThat(report.intact()).isTrue();
    assertThat(report.lines()).isZero();
    assertThat(report.head()).isEqualTo("0".repeat(64));
  }

  @Test
  void verify_alteredLine_alteredAtThatLine() throws Exception {
    lines.set(2, lines.get(2).replace("\"outcome\":\"FOUND\"", "\"outcome\":\"NOT_FOUND\""));

    Defect defect = verifyRewritten();
    assertThat(defect.line()).isEqualTo(3);
    assertThat(defect.kind()).isEqualTo(Kind.ALTERED);
  }

  @Test
  void verify_alteredLineWithRecomputedHash_chainBrokenAtTheNextLine() throws Exception {
    String altered = lines.get(2).replace("corr-3", "corr-X");
    int cut = altered.lastIndexOf(",\"hash\":");
    String content = altered.substring(0, cut) + "}";
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
    lines.set(2, altered.substring(0, cut) + ",\"hash\":\"" + hash + "\"}");

    Defect defect = verifyRewritten();
    assertThat(defect.line()).isEqualTo(4);
    assertThat(defect.kind()).isEqualTo(Kind.CHAIN_BROKEN);
  }

  @Test
  void verify_removedLine_chainBrokenWhereItWas() throws Exception {
    lines.remove(2);

    Defect defect = verifyRewritten();
    assertThat(defect.line()).isEqualTo(3);
    assertThat(defect.kind()).isEqualTo(Kind.CHAIN_BROKEN);
    assertThat(defect.detail()).contains("seq 4 follows seq 2");
  }

  @Test
  void verify_removedFirstLine_chainBrokenAtLineOne() throws Exception {
    lines.remove(0);

    Defect defect = verifyRewritten();
    assertThat(defect.line()).isEqualTo(1);
    assertThat(defect.kind()).isEqualTo(Kind.CHAIN_BROKEN);
    assertThat(defect.detail()).contains("does not start a chain");
  }

  @Test
  void verify_swappedLines_chainBrokenAtTheFirstMovedLine() throws Exception {
    String third = lines.get(2);
    lines.set(2, lines.get(3));
    lines.set(3, third);

    Defect defect = verifyRewritten();
    assertThat(defect.line()).isEqualTo(3);
    assertThat(defect.kind()).isEqualTo(Kind.CHAIN_BROKEN);
  }

  @Test
  void verify_duplicatedLine_chainBrokenAtTheCopy() throws Exception {
    lines.add(2, lines.get(1));

    Defect defect = verifyRewritten();
    assertThat(defect.line()).isEqualTo(3);
    assertThat(defect.kind()).isEqualTo(Kind.CHAIN_BROKEN);
    assertThat(defect.detail()).contains("moved or repeated");
  }

  @Test
  void verify_truncatedLastLine_malformedAtThatLine() throws Exception {
    String content = Files.readString(log, StandardCharsets.UTF_8);
    Files.writeString(log, content.substring(0, content.length() - 20), StandardCharsets.UTF_8);

    AuditLogReport report = AuditLog.verify(log);
    Defect defect = report.defect().orElseThrow();
    assertThat(defect.line()).isEqualTo(5);
    assertThat(defect.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(report.lines()).isEqualTo(4);
  }

  @Test
  void verify_insertedGarbage_malformedAtThatLine() throws Exception {
    lines.add(1, "not json");

    Defect defect = verifyRewritten();
    assertThat(defect.line()).isEqualTo(2);
    assertThat(defect.kind()).isEqualTo(Kind.MALFORMED);
  }

  @Test
  void verify_carriageReturnAdded_malformed() throws Exception {
    lines.set(1, lines.get(1) + "\r");

    Defect defect = verifyRewritten();
    assertThat(defect.line()).isEqualTo(2);
    assertThat(defect.kind()).isEqualTo(Kind.MALFORMED);
  }

  @Test
  void verify_hugeLine_malformedWithoutReadingItAll() throws Exception {
    lines.add(2, "x".repeat((1 << 20) + 10));

    Defect defect = verifyRewritten();
    assertThat(defect.line()).isEqualTo(3);
    assertThat(defect.detail()).contains("longer than 1 MiB");
  }

  @Test
  void verify_invalidUtf8_malformed() throws Exception {
    byte[] content = Files.readAllBytes(log);
    content[10] = (byte) 0xC3;
    content[11] = (byte) 0x28;
    Files.write(log, content);

    Defect defect = AuditLog.verify(log).defect().orElseThrow();
    assertThat(defect.line()).isEqualTo(1);
    assertThat(defect.kind()).isEqualTo(Kind.MALFORMED);
  }

  @Test
  void verify_lastLinesCutOff_intactAloneButTruncatedAgainstTheHead() throws Exception {
    String head = AuditLog.verify(log).head();
    lines.remove(4);
    lines.remove(3);
    Files.write(log, lines, StandardCharsets.UTF_8);

    assertThat(AuditLog.verify(log).intact()).isTrue();
    Defect defect = AuditLog.verify(log, head).defect().orElseThrow();
    assertThat(defect.kind()).isEqualTo(Kind.TRUNCATED);
    assertThat(defect.line()).isEqualTo(4);
  }

  @Test
  void verify_headOfAnEarlierLine_intactAfterMoreLines() {
    AuditLogReport earlier = AuditLog.verify(log);
    try (CloseableAuditSink sink = AuditSinks.jsonLines(log)) {
      sink.record(event(6));
    }

    assertThat(AuditLog.verify(log, earlier.head()).intact()).isTrue();
  }

  @Test
  void verify_headNotAHash_rejected() {
    assertThatThrownBy(() -> AuditLog.verify(log, "abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'abc'");
  }

  @Test
  void verify_missingFile_failsWithPath() {
    Path missing = dir.resolve("missing.jsonl");

    assertThatThrownBy(() -> AuditLog.verify(missing))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-AUDIT-101")
        .hasMessageContaining(missing.toString());
  }
}
