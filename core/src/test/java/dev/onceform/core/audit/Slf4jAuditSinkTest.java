package dev.onceform.core.audit;

import static dev.onceform.core.audit.AuditEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class Slf4jAuditSinkTest {

  @Test
  void record_logsOneInfoLineOfKeyValuePairs() {
    CapturingLogger logger = new CapturingLogger(AuditSinks.LOGGER);

    new Slf4jAuditSink(logger).record(event(1));

    assertThat(logger.lines())
        .containsExactly(
            "INFO audit time=2026-11-23T08:00:01Z correlationId=corr-1"
                + " form=birth-registration@0.1.0 purpose=birth-registration source=population"
                + " adapter=fake-population subject=applicant attributes=dateOfBirth,fullName"
                + " outcome=FOUND durationMs=12.345");
  }

  @Test
  void format_valueWithSpacesQuotesOrEquals_quotedAndEscaped() {
    AuditEvent event =
        new AuditEvent(
            AuditEvents.TIME,
            "c",
            "f@1.0.0",
            "a purpose=\"x\"",
            "population",
            "id",
            "/mother/personalId",
            new TreeSet<>(Set.of()),
            AuditEvent.Outcome.TIMEOUT,
            Duration.ZERO);

    assertThat(Slf4jAuditSink.format(event))
        .contains(" purpose=\"a purpose=\\\"x\\\"\" ")
        .contains(" subject=/mother/personalId ")
        .contains(" attributes=\"\" ")
        .endsWith(" outcome=TIMEOUT durationMs=0.000");
  }
}
