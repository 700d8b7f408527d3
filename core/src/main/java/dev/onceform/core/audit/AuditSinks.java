package dev.onceform.core.audit;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The built-in {@link AuditSink}s. */
public final class AuditSinks {
  /** The logger name of {@link #slf4j()}: route it to your audit appender. */
  public static final String LOGGER = "dev.onceform.audit";

  private AuditSinks() {}

  /**
   * Returns a sink that logs each event at INFO to the SLF4J logger {@value #LOGGER}, as one line
   * of {@code key=value} pairs:
   *
   * <pre>{@code
   * audit time=2026-11-23T08:00:00Z correlationId=5f0c… form=birth-registration@0.1.0
   *   purpose=birth-registration source=population adapter=jdbc-population subject=/mother/personalId
   *   attributes=dateOfBirth,fullName outcome=FOUND durationMs=12.345
   * }</pre>
   *
   * (on one line). A value holding spaces, quotes, {@code =} or backslashes is written in double
   * quotes with {@code \} escapes. Thread-safe, as SLF4J loggers are.
   */
  public static AuditSink slf4j() {
    return new Slf4jAuditSink(LoggerFactory.getLogger(LOGGER));
  }

  /**
   * Opens (or creates) an append-only, hash-chained JSON Lines audit log, forcing it to disk after
   * every line ({@link FsyncPolicy#EVERY_LINE}).
   *
   * @see #jsonLines(Path, FsyncPolicy)
   */
  public static CloseableAuditSink jsonLines(Path file) {
    return jsonLines(file, FsyncPolicy.EVERY_LINE);
  }

  /**
   * Opens (or creates) an append-only, hash-chained JSON Lines audit log. Each event becomes one
   * line, a JSON object in UTF-8:
   *
   * <pre>{@code
   * {"seq":1,"time":"2026-11-23T08:00:00Z","correlationId":"…","form":"birth-registration@0.1.0",
   *  "purpose":"birth-registration","source":"population","adapter":"jdbc-population",
   *  "subject":"applicant","attributes":["dateOfBirth","fullName"],"outcome":"FOUND",
   *  "durationMs":12.345,"prev":"<64 hex>","hash":"<64 hex>"}
   * }</pre>
   *
   * <p>{@code seq} counts lines from 1. {@code prev} is the {@code hash} of the line before (64
   * zeros on the first line), and {@code hash} is the lower-case hex SHA-256 of this line's UTF-8
   * bytes without its hash member: everything before {@code ,"hash":}, followed by {@code }}. So
   * changing, removing, inserting or reordering a line breaks the chain, which {@link
   * AuditLog#verify(Path)} (and {@code onceform audit verify FILE}) finds. Lines removed from the
   * end leave a shorter valid chain: keep {@link AuditLogReport#head()} somewhere else from time to
   * time to detect that. The chain is not keyed, so someone who can rewrite the whole file can
   * rewrite the chain too: ship the file (or its head) to storage the application cannot change.
   *
   * <p>Opening an existing file reads its last line and continues its chain; a last line that is
   * incomplete, malformed or altered stops with {@code OF-AUDIT-102} instead. The file is locked
   * while open: a second sink on it, in this process or another, fails with {@code OF-AUDIT-103}.
   * The sink is thread-safe: lines are written one at a time, each in one write, under one lock. A
   * failed write is cut off again so that the chain stays whole, and reported with {@code
   * OF-AUDIT-101}.
   *
   * @param file the log file; created if missing
   * @param fsync when the file is forced to the storage device
   * @throws dev.onceform.schema.OnceFormException {@code OF-AUDIT-101} if the file cannot be
   *     opened, {@code OF-AUDIT-102} if its chain cannot be continued, {@code OF-AUDIT-103} if it
   *     is open elsewhere
   */
  public static CloseableAuditSink jsonLines(Path file, FsyncPolicy fsync) {
    return JsonLinesAuditSink.open(requireNonNull(file, "file"), requireNonNull(fsync, "fsync"));
  }

  /**
   * Returns a sink that records to each of {@code sinks} in order. A sink that throws is logged
   * ({@code OF-AUDIT-105}, with its class and the exception, on this class's logger) and does not
   * keep the event from the others; the returned sink itself never throws. With no sinks it does
   * nothing. The engine wraps its sinks this way.
   */
  public static AuditSink all(List<? extends AuditSink> sinks) {
    return new AllAuditSinks(List.copyOf(sinks));
  }
}
