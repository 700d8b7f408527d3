package dev.onceform.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.validation.Problem;
import dev.onceform.core.validation.ValidationReport;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.LocalizedText;
import dev.onceform.schema.OnceFormException;
import dev.onceform.schema.internal.Json;
import java.text.Normalizer;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The JSON Logic rules in validation, through {@link FormValidator}. */
class RuleCheckerTest {

  /**
   * A marriage form: the spouse section and its ID show only when married; the fee is computed from
   * the copies; the spouse's ID must differ from the applicant's; "married" needs a spouse (JSON
   * Schema if/then).
   */
  private static FormDefinition form(String hiddenFields) {
    return FormDefinition.parse(
        """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-form": {"id": "marriage", "version": "1.0.0", %s
                     "title": {"vi": "Kết hôn", "en": "Marriage"}},
          "type": "object",
          "required": ["personalId", "status"],
          "properties": {
            "personalId": {"type": "string", "x-label": {"vi": "Số định danh", "en": "Personal ID"}},
            "fullName": {"type": "string", "x-label": {"vi": "Họ và tên", "en": "Full name"}},
            "status": {"enum": ["single", "married"],
                       "x-label": {"vi": "Tình trạng", "en": "Status"}},
            "copies": {"type": "integer", "x-label": {"vi": "Số bản", "en": "Copies"}},
            "fee": {"type": "integer", "x-label": {"vi": "Lệ phí", "en": "Fee"},
                    "x-compute": {"*": [{"var": "copies"}, 5000]}},
            "greeting": {"type": "string", "x-label": {"vi": "Lời chào", "en": "Greeting"},
                         "x-compute": {"cat": ["Xin chào ", {"var": "fullName"}]}},
            "spouse": {
              "type": "object",
              "x-label": {"vi": "Vợ hoặc chồng", "en": "Spouse"},
              "x-visible-if": {"==": [{"var": "status"}, "married"]},
              "required": ["personalId", "fullName"],
              "x-rules": [{
                "id": "spouse-not-self",
                "rule": {"!=": [{"var": "spouse.personalId"}, {"var": "personalId"}]},
                "pointer": "/spouse/personalId",
                "message": {"vi": "Không thể kết hôn với chính mình.",
                            "en": "You cannot marry yourself."}
              }],
              "properties": {
                "personalId": {"type": "string", "minLength": 12,
                               "x-label": {"vi": "Số định danh của vợ hoặc chồng",
                                           "en": "Spouse's personal ID"}},
                "fullName": {"type": "string",
                             "x-label": {"vi": "Họ tên vợ hoặc chồng", "en": "Spouse's name"}}
              }
            }
          },
          "if": {"required": ["status"], "properties": {"status": {"const": "married"}}},
          "then": {"required": ["spouse"]}
        }
        """
            .formatted(hiddenFields),
        "marriage.json");
  }

  private static final FormValidator REJECT = validator("");
  private static final FormValidator DROP = validator("\"hiddenFields\": \"drop\",");

  private static FormValidator validator(String hiddenFields) {
    return new FormValidator(form(hiddenFields), ProblemMessages.bundled());
  }

  private static JsonNode json(String text) {
    return Json.read(text, "test");
  }

  private static final String SINGLE_WITH_SPOUSE =
      """
      {"personalId": "001090004567", "status": "single",
       "spouse": {"personalId": "short"}}
      """;

  @Test
  void validate_hiddenSectionPresent_reject_reportsOnlyVisibleIfAtTheSection() {
    ValidationReport report = REJECT.validate(json(SINGLE_WITH_SPOUSE));

    // not "required /spouse/fullName" nor "minLength /spouse/personalId": the section must go
    assertThat(report.problems())
        .extracting(Problem::pointer, Problem::code, Problem::valueType)
        .containsExactly(tuple("/spouse", "rule.x-visible-if", "object"));
    LocalizedText message = report.problems().get(0).message();
    assertThat(message.vi())
        .isEqualTo("“Vợ hoặc chồng” không áp dụng cho yêu cầu này, phải để trống.");
    assertThat(message.in(Locale.ENGLISH))
        .isEqualTo("“Spouse” does not apply to this request and must be left empty.");
    assertThat(report.submission().has("spouse")).isTrue();
  }

  @Test
  void validate_hiddenSectionPresent_drop_isValidAndDroppedFromTheSubmission() {
    JsonNode given = json(SINGLE_WITH_SPOUSE);

    ValidationReport report = DROP.validate(given);

    assertThat(report.problems()).isEmpty();
    assertThat(report.submission().has("spouse")).isFalse();
    assertThat(report.submission().path("personalId").asText()).isEqualTo("001090004567");
    assertThat(given.has("spouse")).as("the caller's document is not changed").isTrue();
  }

  @Test
  void validate_visibleSection_isValidatedAsUsual() {
    ValidationReport report =
        DROP.validate(
            json(
                """
                {"personalId": "001090004567", "status": "married",
                 "spouse": {"personalId": "short"}}
                """));

    assertThat(report.problems())
        .extracting(Problem::pointer, Problem::code)
        .containsExactlyInAnyOrder(
            tuple("/spouse/fullName", "required"), tuple("/spouse/personalId", "minLength"));
    assertThat(report.submission().has("spouse")).isTrue();
  }

  @Test
  void validate_ifThen_reportsRequiredAtTheConditionalField() {
    ValidationReport report =
        REJECT.validate(json("{\"personalId\": \"001090004567\", \"status\": \"married\"}"));

    assertThat(report.problems())
        .extracting(Problem::pointer, Problem::code, Problem::valueType)
        .containsExactly(tuple("/spouse", "required", "missing"));
    assertThat(report.problems().get(0).message().in(Locale.ENGLISH))
        .isEqualTo("“Spouse” is required.");
  }

  @Test
  void validate_hiddenAbsentSection_isValid() {
    ValidationReport report =
        REJECT.validate(json("{\"personalId\": \"001090004567\", \"status\": \"single\"}"));

    assertThat(report.problems()).isEmpty();
  }

  @Test
  void validate_brokenCrossFieldRule_reportsItsIdAndOwnMessage() {
    ValidationReport report =
        REJECT.validate(
            json(
                """
                {"personalId": "001090004567", "status": "married",
                 "spouse": {"personalId": "001090004567", "fullName": "Trần Văn Đức"}}
                """));

    assertThat(report.problems())
        .extracting(Problem::pointer, Problem::code, Problem::valueType)
        .containsExactly(tuple("/spouse/personalId", "rule.spouse-not-self", "string"));
    LocalizedText message = report.problems().get(0).message();
    assertThat(message.vi()).isEqualTo("Không thể kết hôn với chính mình.");
    assertThat(message.in(Locale.ENGLISH)).isEqualTo("You cannot marry yourself.");
  }

  @Test
  void validate_crossFieldRuleAtAFieldWithASchemaProblem_reportsOnlyTheSchemaProblem() {
    ValidationReport report =
        REJECT.validate(
            json(
                """
                {"personalId": "short", "status": "married",
                 "spouse": {"personalId": "short", "fullName": "Trần Văn Đức"}}
                """));

    assertThat(report.problems())
        .extracting(Problem::pointer, Problem::code)
        .containsExactly(tuple("/spouse/personalId", "minLength"));
  }

  @Test
  void validate_computedNumber_comparesNumerically() {
    String base = "{\"personalId\": \"001090004567\", \"status\": \"single\", \"copies\": 3, ";

    assertThat(REJECT.validate(json(base + "\"fee\": 15000}")).problems()).isEmpty();
    assertThat(REJECT.validate(json(base + "\"fee\": 15000.0}")).problems()).isEmpty();
    ValidationReport wrong = REJECT.validate(json(base + "\"fee\": 10000}"));
    assertThat(wrong.problems())
        .extracting(Problem::pointer, Problem::code, Problem::valueType)
        .containsExactly(tuple("/fee", "rule.x-compute", "number"));
    assertThat(wrong.problems().get(0).message().vi())
        .isEqualTo(
            "“Lệ phí” không khớp với giá trị được tính từ các thông tin khác bạn đã khai; hãy để"
                + " biểu mẫu tự tính.");
    assertThat(wrong.problems().get(0).message().in(Locale.ENGLISH))
        .isEqualTo(
            "“Fee” does not match the value calculated from your other answers; leave it for"
                + " the form to calculate.");
  }

  @Test
  void validate_computedValueAbsent_isNotAProblem() {
    assertThat(
            REJECT
                .validate(
                    json(
                        "{\"personalId\": \"001090004567\", \"status\": \"single\", \"copies\": 3}"))
                .problems())
        .isEmpty();
  }

  @Test
  void validate_computedString_comparesNfc() {
    String nfd = Normalizer.normalize("Xin chào Hường", Normalizer.Form.NFD);
    String base =
        "{\"personalId\": \"001090004567\", \"status\": \"single\", \"fullName\": \"Hường\", ";

    assertThat(REJECT.validate(json(base + "\"greeting\": \"" + nfd + "\"}")).problems()).isEmpty();
    assertThat(REJECT.validate(json(base + "\"greeting\": \"Xin chào Huong\"}")).problems())
        .extracting(Problem::pointer, Problem::code)
        .containsExactly(tuple("/greeting", "rule.x-compute"));
  }

  @Test
  void validate_incomputableValue_isNotChecked() {
    // no copies: {"*": [null, 5000]} is NaN in json-logic-js, so there is nothing to compare with
    assertThat(
            REJECT
                .validate(
                    json("{\"personalId\": \"001090004567\", \"status\": \"single\", \"fee\": 1}"))
                .problems())
        .isEmpty();
  }

  @Test
  void newValidator_malformedRule_isAnError() {
    FormDefinition broken =
        FormDefinition.parse(
            """
            {"x-form": {"id": "broken", "version": "1.0.0", "title": {"vi": "Hỏng"}},
             "properties": {"a": {"type": "string", "x-label": {"vi": "A"},
                                  "x-visible-if": {"between": [1, 2, 3]}}}}
            """,
            "broken.json");

    assertThatThrownBy(() -> new FormValidator(broken, ProblemMessages.bundled()))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-VALID-103")
        .hasMessageContaining("/a")
        .hasMessageContaining("unknown JSON Logic operator 'between'");
  }
}
