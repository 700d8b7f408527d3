package dev.onceform.core.audit;

import static dev.onceform.core.audit.AuditEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onceform.schema.OnceFormException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesAuditSinkTest {
  @TempDir Path dir;

  private Path write(int events, FsyncPolicy fsync) {
    Path log = dir.resolve("audit.jsonl");
    try (CloseableAuditSink sink = AuditSinks.jsonLines(log, fsync)) {
      for (int i = 1; i <= events; i++) {
        sink.record(event(i));
      }
    }
    return log;
  }

  @Test
  void jsonLines_writesOneChainedObjectPerLine() throws Exception {
    Path log = write(2, FsyncPolicy.EVERY_LINE);

    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    JsonNode second = new ObjectMapper().readTree(lines.get(1));
    assertThat(first.get("seq").asLong()).isEqualTo(1);
    assertThat(first.get("time").asText()).isEqualTo("2026-11-23T08:00:01Z");
    assertThat(first.get("correlationId").asText()).isEqualTo("corr-1");
    assertThat(first.get("form").asText()).isEqualTo("birth-registration@0.1.0");
    assertThat(first.get("purpose").asText()).isEqualTo("birth-registration");
    assertThat(first.get("source").asText()).isEqualTo("population");
    assertThat(first.get("adapter").asText()).isEqualTo("fake-population");
    assertThat(first.get("subject").asText()).isEqualTo("applicant");
    assertThat(first.get("attributes").toString()).isEqualTo("[\"dateOfBirth\",\"fullName\"]");
    assertThat(first.get("outcome").asText()).isEqualTo("FOUND");
    assertThat(first.get("durationMs").decimalValue()).isEqualByComparingTo("12.345");
    assertThat(first.get("prev").asText()).isEqualTo("0".repeat(64));
    assertThat(second.get("prev").asText()).isEqualTo(first.get("hash").asText());
    assertThat(AuditLog.verify(log).intact()).isTrue();
  }

  @Test
  void jsonLines_hashIsSha256OfTheLineWithoutItsHashMember() throws Exception {
    String line = Files.readAllLines(write(1, FsyncPolicy.ON_CLOSE)).get(0);

    int cut = line.lastIndexOf(",\"hash\":");
    byte[] content = (line.substring(0, cut) + "}").getBytes(StandardCharsets.UTF_8);
    String expected =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    assertThat(new ObjectMapper().readTree(line).get("hash").asText()).isEqualTo(expected);
  }

  @Test
  void jsonLines_reopened_continuesTheChain() {
    Path log = write(3, FsyncPolicy.EVERY_LINE);
    try (CloseableAuditSink sink = AuditSinks.jsonLines(log)) {
      sink.record(event(4));
    }

    AuditLogReport report = AuditLog.verify(log);
    assertThat(report.intact()).isTrue();
    assertThat(report.lines()).isEqualTo(4);
  }

  @Test
  void jsonLines_tornLastLine_refusesToContinue() throws Exception {
    Path log = write(2, FsyncPolicy.EVERY_LINE);
    Files.writeString(log, "{\"seq\":3,\"ti", StandardOpenOption.APPEND);

    assertThatThrownBy(() -> AuditSinks.jsonLines(log))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-AUDIT-102")
        .hasMessageContaining("incomplete")
        .hasMessageContaining("onceform audit verify");
  }

  @Test
  void jsonLines_alteredLastLine_refusesToContinue() throws Exception {
    Path log = write(2, FsyncPolicy.EVERY_LINE);
    Files.writeString(log, Files.readString(log).replace("corr-2", "corr-9"));

    assertThatThrownBy(() -> AuditSinks.jsonLines(log))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-AUDIT-102")
        .hasMessageContaining("does not match its hash");
  }

  @Test
  void jsonLines_notAChainFile_refusesToContinue() throws Exception {
    Path log = Files.writeString(dir.resolve("other.log"), "hello\n");

    assertThatThrownBy(() -> AuditSinks.jsonLines(log))
        .hasMessageContaining("OF-AUDIT-102")
        .hasMessageContaining("malformed");
  }

  @Test
  void jsonLines_openTwice_secondFailsWhileFirstIsOpen() {
    Path log = dir.resolve("audit.jsonl");
    try (CloseableAuditSink first = AuditSinks.jsonLines(log)) {
      assertThatThrownBy(() -> AuditSinks.jsonLines(log))
          .isInstanceOf(OnceFormException.class)
          .hasMessageContaining("OF-AUDIT-103");
      first.record(event(1));
    }
    try (CloseableAuditSink again = AuditSinks.jsonLines(log)) {
      again.record(event(2));
    }
    assertThat(AuditLog.verify(log).lines()).isEqualTo(2);
  }

  @Test
  void jsonLines_afterClose_recordFailsAndCloseAgainDoesNothing() {
    CloseableAuditSink sink = AuditSinks.jsonLines(dir.resolve("audit.jsonl"));
    sink.close();
    sink.close();

    assertThatThrownBy(() -> sink.record(event(1))).hasMessageContaining("OF-AUDIT-104");
  }

  @Test
  void jsonLines_unwritableLocation_failsWithPath() {
    Path log = dir.resolve("missing-dir").resolve("audit.jsonl");

    assertThatThrownBy(() -> AuditSinks.jsonLines(log))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-AUDIT-101")
        .hasMessageContaining(log.toString());
  }

  @Test
  void jsonLines_recordFromInterruptedThread_writesAndStaysUsable() throws Exception {
    Path log = dir.resolve("audit.jsonl");
    try (CloseableAuditSink sink = AuditSinks.jsonLines(log)) {
      Thread.currentThread().interrupt();
      try {
        sink.record(event(1));
      } finally {
        assertThat(Thread.interrupted()).isTrue();
      }
      sink.record(event(2));
    }

    assertThat(AuditLog.verify(log).lines()).isEqualTo(2);
  }

  @Test
  void jsonLines_manyThreads_everyEventOnceInAnIntactChain() throws Exception {
    int threads = 16;
    int perThread = 250;
    Path log = dir.resolve("audit.jsonl");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try (CloseableAuditSink sink = AuditSinks.jsonLines(log, FsyncPolicy.ON_CLOSE)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t * perThread;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    sink.record(event(first + i));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    AuditLogReport report = AuditLog.verify(log);
    assertThat(report.defect()).isEmpty();
    assertThat(report.lines()).isEqualTo((long) threads * perThread);
    Set<String> ids = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(log)) {
      ids.add(json.readTree(line).get("correlationId").asText());
    }
    assertThat(ids).hasSize(threads * perThread);
  }
}
