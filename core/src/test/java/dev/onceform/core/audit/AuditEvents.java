package dev.onceform.core.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** Events for the audit tests. */
final class AuditEvents {
  static final Instant TIME = Instant.parse("2026-11-23T08:00:00Z");

  private AuditEvents() {}

  /** A found event whose correlation id carries {@code n}, to tell lines apart. */
  static AuditEvent event(int n) {
    return new AuditEvent(
        TIME.plusSeconds(n),
        "corr-" + n,
        "birth-registration@0.1.0",
        "birth-registration",
        "population",
        "fake-population",
        "applicant",
        new TreeSet<>(Set.of("fullName", "dateOfBirth")),
        AuditEvent.Outcome.FOUND,
        Duration.ofNanos(12_345_678));
  }
}
