package dev.onceform.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The linter on {@code x-rules} and on rules where validation does not evaluate them. */
class CrossFieldRuleCheckTest {
  private static final String HEADER =
      "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\","
          + " \"x-form\": {\"id\": \"f\", \"version\": \"1.0.0\", \"procedureCode\": \"1.000001\","
          + " \"title\": {\"vi\": \"T\"}, \"level\": \"commune\", \"result\": \"receipt\"%s},\n";

  private static final String FIELDS =
      "\"properties\": {"
          + "\"a\": {\"x-label\": {\"vi\": \"A\"}, \"type\": \"string\"},"
          + "\"b\": {\"x-label\": {\"vi\": \"B\"}, \"type\": \"string\"},"
          + "\"list\": {\"x-label\": {\"vi\": \"L\"}, \"type\": \"array\", \"items\": {"
          + "  \"x-label\": {\"vi\": \"I\"}, \"type\": \"object\", %s"
          + "  \"properties\": {\"c\": {\"x-label\": {\"vi\": \"C\"}, \"type\": \"string\"}}}}}}";

  private static String rule(String id, String rule, String pointer) {
    return "{\"id\": \"%s\", \"rule\": %s, \"pointer\": \"%s\", \"message\": {\"vi\": \"Sai\"}}"
        .formatted(id, rule, pointer);
  }

  private static LintReport lint(String rules, String itemKeywords) {
    String json =
        HEADER.formatted("") + "\"x-rules\": [" + rules + "],\n" + FIELDS.formatted(itemKeywords);
    return FormLinter.builder().build().lint(json, "rules.json");
  }

  private static final String A_IS_NOT_B = "{\"!=\": [{\"var\": \"a\"}, {\"var\": \"b\"}]}";

  @Test
  void lint_wellFormedRules_areFine() {
    LintReport report =
        lint(
            rule("a-differs", A_IS_NOT_B, "/b")
                + ","
                + rule("a-given", "{\"!!\": {\"var\": \"a\"}}", "/a"),
            "");

    assertThat(report.findings()).isEmpty();
  }

  @Test
  void lint_duplicateIdUnknownPointerAndUnknownField_areReported() {
    LintReport report =
        lint(
            rule("same", A_IS_NOT_B, "/b")
                + ","
                + rule("same", "{\"==\": [{\"var\": \"z\"}, 1]}", "/nope"),
            "");

    assertThat(report.findings())
        .extracting(LintFinding::code, LintFinding::pointer)
        .containsExactlyInAnyOrder(
            tuple("rule.duplicate-id", "/x-rules/1/id"),
            tuple("rule.unknown-pointer", "/x-rules/1/pointer"),
            tuple("rule.unknown-field", "/x-rules/1/rule/==/0/var"));
  }

  @Test
  void lint_malformedRuleAndBadId_areReported() {
    LintReport report = lint(rule("Not_Kebab", "{\"between\": [1, 2]}", "/a"), "");

    assertThat(report.findings())
        .extracting(LintFinding::code)
        .containsExactlyInAnyOrder("meta-schema", "rule.invalid");
  }

  @Test
  void lint_ruleInArrayItems_isUnsupported() {
    LintReport report = lint("", "\"x-visible-if\": {\"==\": [{\"var\": \"a\"}, \"x\"]},");

    assertThat(report.findings())
        .extracting(LintFinding::code, LintFinding::pointer)
        .containsExactly(tuple("rule.unsupported-place", "/properties/list/items/x-visible-if"));
  }

  @Test
  void formDefinition_readsRulesAndHiddenFields() {
    FormDefinition form =
        FormDefinition.parse(
            HEADER.formatted(", \"hiddenFields\": \"drop\"")
                + "\"x-rules\": ["
                + rule("a-differs", A_IS_NOT_B, "/b")
                + "],\n"
                + FIELDS.formatted(""),
            "rules.json");

    assertThat(form.hiddenFields()).isEqualTo(HiddenFields.DROP);
    List<CrossFieldRule> rules = form.crossFieldRules();
    assertThat(rules)
        .extracting(CrossFieldRule::code, CrossFieldRule::pointer, CrossFieldRule::scope)
        .containsExactly(tuple("rule.a-differs", "/b", ""));
    assertThat(rules.get(0).rule().references()).containsExactlyInAnyOrder("/a", "/b");
    assertThat(rules.get(0).message().vi()).isEqualTo("Sai");
  }

  @Test
  void formDefinition_unknownHiddenFields_isAnError() {
    assertThatThrownBy(
            () ->
                FormDefinition.parse(
                    HEADER.formatted(", \"hiddenFields\": \"hide\"") + FIELDS.formatted(""),
                    "rules.json"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-FORM-102")
        .hasMessageContaining("hiddenFields must be \"reject\" (the default) or \"drop\"");
  }
}
