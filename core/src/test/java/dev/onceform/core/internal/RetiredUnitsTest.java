package dev.onceform.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.onceform.core.validation.Problem;
import dev.onceform.core.validation.ValidationReport;
import dev.onceform.schema.FormDefinition;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code vn-admin-unit}: current codes pass, pre-2025 codes name their successors. */
class RetiredUnitsTest {
  private static final FormValidator VALIDATOR =
      new FormValidator(
          FormDefinition.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "x-form": {"id": "address", "version": "1.0.0",
                           "title": {"vi": "Địa chỉ", "en": "Address"}},
                "type": "object",
                "properties": {
                  "unit": {"type": "string", "format": "vn-admin-unit",
                           "x-label": {"vi": "Đơn vị hành chính", "en": "Administrative unit"}}
                }
              }
              """,
              "address.json"),
          ProblemMessages.bundled());

  private static ValidationReport validate(String unit) {
    return VALIDATOR.validate(JsonNodeFactory.instance.objectNode().put("unit", unit));
  }

  @ParameterizedTest
  @ValueSource(strings = {"01", "79", "00004", "00097", "26740"})
  void validate_currentProvinceOrCommune_passes(String unit) {
    assertThat(validate(unit).problems()).isEmpty();
  }

  @Test
  void validate_communeMergedWhole_namesItsSuccessor() {
    Problem problem = validate("00001").problems().get(0);

    assertThat(problem)
        .extracting(Problem::pointer, Problem::code, Problem::valueType)
        .containsExactly("/unit", "admin-unit.retired", "string");
    assertThat(problem.message().in(Locale.ENGLISH))
        .isEqualTo(
            "“Administrative unit” uses the code of an administrative unit from before the reform"
                + " of 1 July 2025; that unit is now 00097 Phường Hồng Hà. Choose the current"
                + " unit.");
    assertThat(problem.message().vi())
        .isEqualTo(
            "“Đơn vị hành chính” dùng mã của đơn vị hành chính trước khi sắp xếp ngày 1/7/2025;"
                + " đơn vị đó nay là 00097 Phường Hồng Hà. Hãy chọn đơn vị hiện hành.");
    assertThat(problem.message().vi()).doesNotContain("00001");
  }

  @Test
  void validate_splitCommune_listsTheCandidates() {
    Problem problem = validate("00007").problems().get(0);

    assertThat(problem.code()).isEqualTo("admin-unit.retired");
    assertThat(problem.message().in(Locale.ENGLISH))
        .isEqualTo(
            "“Administrative unit” uses the code of a commune from before the reform of 1 July"
                + " 2025 that was split; choose the current commune for the address among:"
                + " 00008 Phường Ngọc Hà, 00025 Phường Giảng Võ.");
    assertThat(problem.message().vi())
        .endsWith("trong số: 00008 Phường Ngọc Hà, 00025 Phường Giảng Võ.")
        .doesNotContain("00007");
  }

  @Test
  void validate_mergedProvince_namesTheCurrentProvince() {
    Problem problem = validate("74").problems().get(0);

    assertThat(problem.code()).isEqualTo("admin-unit.retired");
    assertThat(problem.message().in(Locale.ENGLISH))
        .contains("that unit is now 79 Thành phố Hồ Chí Minh.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999", "00", "1", "0007", "000700", "ab", "01\n"})
  void validate_unknownCodeOrShape_reportsFormat(String unit) {
    assertThat(validate(unit).problems())
        .extracting(Problem::pointer, Problem::code)
        .containsExactly(tuple("/unit", "format.vn-admin-unit"));
  }

  @Test
  void validate_unknownCode_messageAsksForACurrentUnit() {
    Problem problem = validate("99999").problems().get(0);

    assertThat(problem.message().in(Locale.ENGLISH))
        .isEqualTo(
            "“Administrative unit” is not the code of a current administrative unit (2 digits for"
                + " one of the 34 provinces, 5 for a commune, as in use since 1 July 2025).");
    assertThat(problem.message().vi()).startsWith("“Đơn vị hành chính” không phải mã của đơn vị");
  }
}
