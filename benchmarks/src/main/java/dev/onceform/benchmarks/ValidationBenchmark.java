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
 * Validation of a typical birth-registration submission: OnceForm's {@link FormEngine#validate}
 * beside the baseline, raw json-schema-validator on the same schema and document with format
 * assertions on (it does not know the Vietnamese formats, so it checks less). The ratio is
 * OnceForm's overhead: error mapping, Vietnamese formats, code lists.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {
  private FormEngine engine;
  private Schema rawSchema;
  private JsonNode submission;

  @Setup
  public void setUp() throws IOException {
    FormDefinition form = SampleForms.get("birth-registration", "0.1.0").orElseThrow();
    engine = FormEngine.builder().form(form).build();
    rawSchema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(
                SchemaLocation.of("https://onceform.dev/bench/birth-registration"), form.schema());
    rawSchema.initializeValidators();
    try (InputStream in =
        ValidationBenchmark.class.getResourceAsStream("/birth-registration-submission.json")) {
      submission = Submissions.parse(in, "birth-registration-submission.json");
    }
    if (!engine.validate("birth-registration", submission).valid() || !raw().isEmpty()) {
      throw new IllegalStateException("the benchmark submission must be valid for both");
    }
  }

  /** OnceForm: schema, Vietnamese formats, code lists, mapped messages. */
  @Benchmark
  public ValidationReport onceform() {
    return engine.validate("birth-registration", submission);
  }

  /** Baseline: json-schema-validator alone on the same schema and document. */
  @Benchmark
  public List<com.networknt.schema.Error> rawJsonSchemaValidator() {
    return raw();
  }

  private List<com.networknt.schema.Error> raw() {
    return rawSchema.validate(
        submission, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
  }
}
