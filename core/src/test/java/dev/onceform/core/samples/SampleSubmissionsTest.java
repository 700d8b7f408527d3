package dev.onceform.core.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.FormEngine;
import dev.onceform.core.Submissions;
import dev.onceform.core.samples.SampleSubmissions.Sample;
import dev.onceform.core.validation.Problem;
import dev.onceform.core.validation.ValidationReport;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.SampleForms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled form validates its sample submissions with the expected outcome. */
class SampleSubmissionsTest {
  private static final FormEngine ENGINE = engine();

  private static FormEngine engine() {
    FormEngine.Builder builder = FormEngine.builder();
    SampleForms.all().forEach(builder::form);
    return builder.build();
  }

  static Stream<Sample> samples() {
    return SampleSubmissions.all().stream();
  }

  static Stream<FormDefinition> forms() {
    return SampleForms.all().stream();
  }

  /** Validates one sample with OnceForm. */
  static ValidationReport validate(Sample sample) throws IOException {
    try (InputStream in = Files.newInputStream(sample.file())) {
      JsonNode submission = Submissions.parse(in, sample.key());
      return ENGINE.validate(sample.formId() + "@" + sample.version(), submission);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void sample_validatesWithTheExpectedProblems(Sample sample) throws IOException {
    ValidationReport report = validate(sample);

    List<String> problems =
        report.problems().stream().map(p -> p.code() + " " + p.pointer()).toList();
    if (sample.valid()) {
      assertThat(problems).as(sample.key()).isEmpty();
      assertThat(report.valid()).isTrue();
    } else {
      assertThat(sample.expected()).as("expected.json lists " + sample.key()).isNotEmpty();
      assertThat(problems).as(sample.key()).containsExactlyInAnyOrderElementsOf(sample.expected());
      assertThat(report.problems())
          .extracting(Problem::message)
          .allSatisfy(m -> assertThat(m.vi()).isNotBlank());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void form_hasAtLeastThreeValidAndFiveInvalidSamples(FormDefinition form) {
    List<Sample> own =
        SampleSubmissions.all().stream()
            .filter(s -> s.formId().equals(form.id()) && s.version().equals(form.version()))
            .toList();

    assertThat(own.stream().filter(Sample::valid)).hasSizeGreaterThanOrEqualTo(3);
    assertThat(own.stream().filter(s -> !s.valid())).hasSizeGreaterThanOrEqualTo(5);
    Set<String> invalidNames =
        own.stream().filter(s -> !s.valid()).map(Sample::name).collect(Collectors.toSet());
    assertThat(SampleSubmissions.expectedNames(form.id(), form.version()))
        .as("expected.json names exactly the invalid samples")
        .containsExactlyInAnyOrderElementsOf(invalidNames);
  }

  @Test
  void samples_everyFolderIsABundledFormVersion() {
    assertThat(SampleSubmissions.all())
        .allSatisfy(
            s -> assertThat(SampleForms.get(s.formId(), s.version())).as(s.key()).isPresent())
        .allSatisfy(
            s -> assertThat(s.name()).as(s.key()).matches("(valid|invalid)-[a-z0-9.-]+\\.json"));
  }
}
