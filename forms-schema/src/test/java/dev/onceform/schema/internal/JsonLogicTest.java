package dev.onceform.schema.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class JsonLogicTest {

  private static JsonLogic.Analysis analyse(String json) {
    JsonNode expression = Json.read(json, "test");
    return JsonLogic.analyse(expression);
  }

  @Test
  void analyse_wellFormedRule_hasNoProblemsAndListsItsPaths() {
    JsonLogic.Analysis analysis =
        analyse(
            "{\"and\": [{\"==\": [{\"var\": \"applicant.relationship\"}, \"mother\"]},"
                + " {\"!\": {\"var\": [\"father.personalId\", null]}},"
                + " {\"missing\": [\"child.fullName\"]},"
                + " {\"missing_some\": [1, [\"a\", \"b\"]]}]}");

    assertThat(analysis.problems()).isEmpty();
    assertThat(analysis.variables())
        .extracting(JsonLogic.Variable::pointer, JsonLogic.Variable::path)
        .containsExactly(
            tuple("/and/0/==/0/var", "applicant.relationship"),
            tuple("/and/1/!/var/0", "father.personalId"),
            tuple("/and/2/missing/0", "child.fullName"),
            tuple("/and/3/missing_some/1/0", "a"),
            tuple("/and/3/missing_some/1/1", "b"));
  }

  @Test
  void analyse_literals_areWellFormed() {
    assertThat(analyse("true").problems()).isEmpty();
    assertThat(analyse("[1, \"a\", null]").problems()).isEmpty();
  }

  @Test
  void analyse_unknownOperator_isAProblemAtTheOperator() {
    JsonLogic.Analysis analysis = analyse("{\"or\": [{\"equals\": [1, 1]}]}");

    assertThat(analysis.problems())
        .extracting(JsonLogic.Problem::pointer, JsonLogic.Problem::message)
        .containsExactly(tuple("/or/0/equals", "unknown JSON Logic operator 'equals'"));
  }

  @Test
  void analyse_methodOperator_isNotAllowed() {
    assertThat(analyse("{\"method\": [\"abc\", \"toUpperCase\"]}").problems()).hasSize(1);
  }

  @Test
  void analyse_wrongArity_isAProblem() {
    assertThat(analyse("{\"!\": [1, 2]}").problems())
        .extracting(JsonLogic.Problem::message)
        .containsExactly("! takes 1 argument, not 2");
    assertThat(analyse("{\"<\": [1, 2, 3, 4]}").problems())
        .extracting(JsonLogic.Problem::message)
        .containsExactly("< takes 2 to 3 arguments, not 4");
    assertThat(analyse("{\"and\": []}").problems())
        .extracting(JsonLogic.Problem::message)
        .containsExactly("and takes at least 1 argument, not 0");
  }

  @Test
  void analyse_objectWithTwoKeys_isAProblem() {
    assertThat(analyse("{\"==\": [1, 1], \"!=\": [1, 2]}").problems())
        .extracting(JsonLogic.Problem::pointer)
        .containsExactly("");
  }

  @Test
  void analyse_varOfABoolean_isAProblem() {
    assertThat(analyse("{\"var\": true}").problems())
        .extracting(JsonLogic.Problem::pointer)
        .containsExactly("/var");
  }

  @Test
  void analyse_pathsInsideIteration_areRelativeAndNotListed() {
    JsonLogic.Analysis analysis =
        analyse("{\"some\": [{\"var\": \"children\"}, {\"==\": [{\"var\": \"age\"}, 1]}]}");

    assertThat(analysis.problems()).isEmpty();
    assertThat(analysis.variables())
        .extracting(JsonLogic.Variable::path)
        .containsExactly("children");
  }
}
