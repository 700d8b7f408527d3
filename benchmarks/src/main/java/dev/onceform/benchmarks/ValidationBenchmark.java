package dev.onceform.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.onceform.core.FormEngine;
import dev.onceform.core.Submissions;
import dev.onceform.core.validation.ValidationReport;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.SampleForms;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validation of birth-registration 1.0.0 submissions (issue 5's performance target), each beside
 * its baseline, raw json-schema-validator on the same schema and the same document with format
 * assertions on (compiled once, like OnceForm's). The baseline does not know the Vietnamese formats
 * or the code lists, so it checks less; the ratio is OnceForm's whole overhead: Vietnamese formats,
 * code lists, mapping errors to codes and messages in two languages, and the report.
 *
 * <ul>
 *   <li>{@code *Valid}: the sample {@code valid-both-parents.json} (applicant, child, mother,
 *       father, residence, health insurance, copies: 40 values). Setup checks that both accept it.
 *   <li>{@code *Invalid}: the same submission with five mistakes: the child's name missing, a
 *       number of copies written as text, an unknown card delivery, 30 February, and an 11-digit
 *       personal ID (only OnceForm sees the last one). Setup checks the problems each reports.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {
  private static final String FORM = "birth-registration@1.0.0";

  private FormEngine engine;
  private Schema rawSchema;
  private JsonNode valid;
  private JsonNode invalid;

  @Setup
  public void setUp() throws IOException {
    FormDefinition form = SampleForms.get("birth-registration", "1.0.0").orElseThrow();
    engine = FormEngine.builder().form(form).build();
    rawSchema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("https://onceform.dev/bench/" + FORM), form.schema());
    rawSchema.initializeValidators();
    valid = read("birth-registration-1.0.0-valid.json");
    invalid = read("birth-registration-1.0.0-invalid.json");
    if (!engine.validate(FORM, valid).valid() || !raw(valid).isEmpty()) {
      throw new IllegalStateException("the valid submission must be valid for both");
    }
    int onceformProblems = engine.validate(FORM, invalid).problems().size();
    int rawErrors = raw(invalid).size();
    if (onceformProblems != 5 || rawErrors != 4) {
      throw new IllegalStateException(
          "expected 5 problems from OnceForm and 4 errors from the raw validator, got "
              + onceformProblems
              + " and "
              + rawErrors);
    }
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = ValidationBenchmark.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the benchmark jar");
      }
      return Submissions.parse(in, resource);
    }
  }

  /** OnceForm, valid submission: schema, Vietnamese formats, code lists, the report. */
  @Benchmark
  public ValidationReport onceformValid() {
    return engine.validate(FORM, valid);
  }

  /** Baseline, valid submission: json-schema-validator alone. */
  @Benchmark
  public List<com.networknt.schema.Error> rawValid() {
    return raw(valid);
  }

  /** OnceForm, invalid submission: as {@link #onceformValid}, plus codes and vi/en messages. */
  @Benchmark
  public ValidationReport onceformInvalid() {
    return engine.validate(FORM, invalid);
  }

  /** Baseline, invalid submission: json-schema-validator alone, with its own messages. */
  @Benchmark
  public List<com.networknt.schema.Error> rawInvalid() {
    return raw(invalid);
  }

  private List<com.networknt.schema.Error> raw(JsonNode submission) {
    return rawSchema.validate(
        submission, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
  }
}
