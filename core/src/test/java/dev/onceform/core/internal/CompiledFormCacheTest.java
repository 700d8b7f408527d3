package dev.onceform.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Schema;
import dev.onceform.core.FormEngine;
import dev.onceform.core.testing.TestForms;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.OnceFormException;
import dev.onceform.schema.SampleForms;
import dev.onceform.schema.internal.Json;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 5: a form version's schema is compiled once, when the engine is built, and reused. */
class CompiledFormCacheTest {

  @Test
  void validate_manyTimes_reusesTheSchemaCompiledInTheConstructor() {
    FormDefinition form = SampleForms.get("birth-registration", "1.0.0").orElseThrow();
    CompiledForm compiled =
        new CompiledForm(
            form,
            Map.of(),
            new SourceGuards(
                java.util.Set.of(),
                Map.of(),
                dev.onceform.core.prefill.SourcePolicy.defaults(),
                Clock.systemUTC(),
                List.of()),
            ProblemMessages.bundled());
    FormValidator validator = compiled.validator();
    Schema schema = validator.schema();

    for (int i = 0; i < 100; i++) {
      compiled.validate(Json.read("{\"child\": {\"fullName\": 42}}", "test"), Clock.systemUTC());
    }

    assertThat(compiled.validator()).isSameAs(validator);
    assertThat(validator.schema()).isSameAs(schema);
  }

  @Test
  void build_schemaThatDoesNotCompile_failsAtRegistrationNotAtValidation() {
    FormDefinition broken =
        TestForms.form(
            "broken",
            "\"name\": {\"type\": \"string\", \"pattern\": \"[a-\", \"x-label\": {\"vi\": \"Tên\"}}");

    assertThatThrownBy(() -> FormEngine.builder().form(broken).build())
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-VALID-102")
        .hasMessageContaining("form broken@1.0.0");
  }
}
