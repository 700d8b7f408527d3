package dev.onceform.core.audit;

import java.util.regex.Pattern;
import org.slf4j.Logger;

/**
 * Writes each event as one INFO line of {@code key=value} pairs to an SLF4J logger; see {@link
 * AuditSinks#slf4j()}.
 */
final class Slf4jAuditSink implements AuditSink {
  private static final Pattern PLAIN = Pattern.compile("[^\\s\"=\\\\]+");

  private final Logger logger;

  Slf4jAuditSink(Logger logger) {
    this.logger = logger;
  }

  @Override
  public void record(AuditEvent event) {
    if (logger.isInfoEnabled()) {
      logger.info(format(event));
    }
  }

  /**
   * Returns the line for an event, e.g. {@code audit time=2026-11-23T08:00:00Z correlationId=…
   * form=birth-registration@0.1.0 purpose=birth-registration source=population
   * adapter=jdbc-population subject=applicant attributes=dateOfBirth,fullName outcome=FOUND
   * durationMs=12.345}. A value with spaces, quotes, {@code =} or backslashes is quoted.
   */
  static String format(AuditEvent event) {
    StringBuilder line = new StringBuilder(256).append("audit");
    pair(line, "time", event.time().toString());
    pair(line, "correlationId", event.correlationId());
    pair(line, "form", event.formId());
    pair(line, "purpose", event.purpose());
    pair(line, "source", event.source());
    pair(line, "adapter", event.adapter());
    pair(line, "subject", event.subject());
    pair(line, "attributes", String.join(",", event.attributes()));
    pair(line, "outcome", event.outcome().name());
    pair(line, "durationMs", java.math.BigDecimal.valueOf(event.duration().toNanos() / 1_000, 3));
    return line.toString();
  }

  private static void pair(StringBuilder line, String key, Object value) {
    String text = value.toString();
    line.append(' ').append(key).append('=');
    if (PLAIN.matcher(text).matches()) {
      line.append(text);
    } else {
      line.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
  }

  @Override
  public String toString() {
    return "Slf4jAuditSink[" + logger.getName() + "]";
  }
}
