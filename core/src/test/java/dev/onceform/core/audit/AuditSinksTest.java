package dev.onceform.core.audit;

import static dev.onceform.core.audit.AuditEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.onceform.core.testing.RecordingAuditSink;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditSinksTest {

  @Test
  void all_failingSink_othersStillRecordAndNothingThrows() {
    RecordingAuditSink before = new RecordingAuditSink();
    RecordingAuditSink after = new RecordingAuditSink();
    AuditSink failing =
        e -> {
          throw new IllegalStateException("disk full");
        };
    AuditSink all = AuditSinks.all(List.of(before, failing, after));

    assertThatCode(() -> all.record(event(1))).doesNotThrowAnyException();
    assertThat(before.events()).containsExactly(event(1));
    assertThat(after.events()).containsExactly(event(1));
  }

  @Test
  void all_noSinks_doesNothing() {
    assertThatCode(() -> AuditSinks.all(List.of()).record(event(1))).doesNotThrowAnyException();
  }

  @Test
  void outcome_ofEveryAnswerStatus_sameName() {
    for (var status : dev.onceform.core.spi.RegistryAnswer.Status.values()) {
      assertThat(AuditEvent.Outcome.of(status).name()).isEqualTo(status.name());
    }
  }
}
