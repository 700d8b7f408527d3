package dev.onceform.core.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.samples.SampleSubmissions.Sample;
import dev.onceform.core.validation.ReportSchema;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON report of every sample submission follows the published validation-report schema. */
class SampleReportJsonTest {

  static Stream<Sample> samples() {
    return SampleSubmissions.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void toJson_ofEverySample_followsThePublishedSchema(Sample sample) throws IOException {
    ObjectNode json = SampleSubmissionsTest.validate(sample).toJson();

    assertThat(ReportSchema.errors(json)).as(sample.key()).isEmpty();
    assertThat(json.path("valid").asBoolean()).as(sample.key()).isEqualTo(sample.valid());
    assertThat(json.path("problems")).hasSize(sample.expected().size());
  }
}
