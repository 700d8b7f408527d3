package dev.onceform.core.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.FormEngine;
import dev.onceform.core.validation.Problem;
import dev.onceform.schema.SampleForms;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * {@code x-not-future} takes today from the engine's clock ({@code FormEngine.Builder.clock}), in
 * Vietnam: the child of the sample, born on 2026-10-05, is "in the future" on the day before.
 */
class NotFutureClockTest {
  private static final JsonNode SUBMISSION =
      SampleSubmissions.read(
          SampleSubmissions.samplesDir()
              .resolve("birth-registration/1.0.0/valid-both-parents.json"));

  private static FormEngine engineAt(String instant) {
    return FormEngine.builder()
        .form(SampleForms.get("birth-registration", "1.0.0").orElseThrow())
        .clock(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC))
        .build();
  }

  @Test
  void validate_dayBeforeTheBirthInVietnam_reportsDateFuture() {
    assertThat(
            engineAt("2026-10-04T16:59:59Z").validate("birth-registration", SUBMISSION).problems())
        .extracting(Problem::pointer, Problem::code)
        .containsExactly(tuple("/child/dateOfBirth", "date.future"));
  }

  @Test
  void validate_birthDayHasBegunInVietnam_isValid() {
    // 17:00 UTC on 4 October is midnight of 5 October in Hà Nội.
    assertThat(engineAt("2026-10-04T17:00:00Z").validate("birth-registration", SUBMISSION).valid())
        .isTrue();
  }
}
