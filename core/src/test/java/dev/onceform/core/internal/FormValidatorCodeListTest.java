package dev.onceform.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.core.validation.Problem;
import dev.onceform.core.validation.ValidationReport;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.OnceFormException;
import dev.onceform.schema.internal.Json;
import org.junit.jupiter.api.Test;

class FormValidatorCodeListTest {

  private static FormDefinition form(String codeList) {
    return FormDefinition.parse(
        """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-form": {"id": "address-change", "version": "1.0.0",
                     "title": {"vi": "Thay đổi địa chỉ", "en": "Address change"}},
          "type": "object",
          "properties": {
            "commune": {"type": "string", "x-codelist": "%s",
                        "x-label": {"vi": "Xã, phường", "en": "Commune"}}
          }
        }
        """
            .formatted(codeList),
        "address-change.json");
  }

  @Test
  void validate_currentCommuneCode_passes_retiredCode_isReported() {
    FormValidator validator =
        new FormValidator(form("admin-units-2025/commune"), ProblemMessages.bundled());

    ValidationReport ok = validator.validate(Json.read("{\"commune\": \"00004\"}", "test"));
    ValidationReport retired = validator.validate(Json.read("{\"commune\": \"00001\"}", "test"));

    assertThat(ok.problems()).isEmpty();
    assertThat(retired.problems())
        .extracting(Problem::pointer, Problem::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/commune", "codelist"));
  }

  @Test
  void newValidator_unknownCodeList_isAnError() {
    assertThatThrownBy(() -> new FormValidator(form("fee-categories"), ProblemMessages.bundled()))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-VALID-101")
        .hasMessageContaining("'fee-categories'")
        .hasMessageContaining("admin-units-2025/commune");
  }
}
