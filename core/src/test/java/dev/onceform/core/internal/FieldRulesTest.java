package dev.onceform.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.onceform.core.validation.Problem;
import dev.onceform.core.validation.ValidationReport;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.internal.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code x-not-future} and {@code x-personal-id}, through {@link FormValidator}. */
class FieldRulesTest {
  /** 2026-11-23 17:30 UTC is already 2026-11-24 00:30 in Vietnam. */
  private static final Clock VIETNAM_JUST_AFTER_MIDNIGHT =
      Clock.fixed(Instant.parse("2026-11-23T17:30:00Z"), ZoneOffset.UTC);

  private static final FormDefinition FORM =
      FormDefinition.parse(
          """
          {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "x-form": {"id": "person", "version": "1.0.0",
                       "title": {"vi": "Người", "en": "Person"}},
            "type": "object",
            "properties": {
              "person": {
                "type": "object",
                "x-label": {"vi": "Người", "en": "Person"},
                "properties": {
                  "personalId": {"type": "string", "format": "vn-personal-id",
                                 "x-label": {"vi": "Số định danh cá nhân", "en": "Personal ID number"},
                                 "x-personal-id": {"dateOfBirth": "/person/dateOfBirth",
                                                   "sex": "/person/sex"}},
                  "dateOfBirth": {"type": "string", "format": "date", "x-not-future": true,
                                  "x-label": {"vi": "Ngày sinh", "en": "Date of birth"}},
                  "sex": {"type": "string", "enum": ["male", "female"], "x-codelist": "sex",
                          "x-label": {"vi": "Giới tính", "en": "Sex"}}
                }
              },
              "signedAt": {"type": "string", "format": "date-time", "x-not-future": true,
                           "x-label": {"vi": "Thời điểm ký", "en": "Signed at"}},
              "children": {"type": "array", "x-label": {"vi": "Con", "en": "Children"}, "items": {"type": "object", "properties": {
                "dateOfBirth": {"type": "string", "format": "date", "x-not-future": true,
                                "x-label": {"vi": "Ngày sinh của con", "en": "Child's date of birth"}}}}}
            }
          }
          """,
          "person.json");

  private static final FormValidator VALIDATOR = new FormValidator(FORM, ProblemMessages.bundled());

  private static ValidationReport validate(String json) {
    return VALIDATOR.validate(Json.read(json, "test"), VIETNAM_JUST_AFTER_MIDNIGHT);
  }

  private static String person(String id, String dateOfBirth, String sex) {
    return """
        {"person": {"personalId": "%s", "dateOfBirth": "%s", "sex": "%s"}}"""
        .formatted(id, dateOfBirth, sex);
  }

  @Test
  void validate_dateAfterTodayInVietnam_reportsDateFuture() {
    ValidationReport report = validate(person("001090004567", "2026-11-25", "male"));

    assertThat(report.problems())
        .extracting(Problem::pointer, Problem::code, Problem::valueType)
        .contains(tuple("/person/dateOfBirth", "date.future", "string"));
    Problem problem =
        report.problems().stream()
            .filter(p -> p.code().equals("date.future"))
            .findFirst()
            .orElseThrow();
    assertThat(problem.message().vi())
        .isEqualTo("“Ngày sinh” không được là một ngày trong tương lai.");
    assertThat(problem.message().in(Locale.ENGLISH))
        .isEqualTo("“Date of birth” cannot be a date in the future.");
  }

  @Test
  void validate_todayInVietnamThoughTomorrowInUtc_isNotFuture() {
    ValidationReport report = validate(person("001226004567", "2026-11-24", "male"));

    assertThat(report.problems()).isEmpty();
  }

  @Test
  void validate_dateTimeLaterTodayInVietnam_isNotFuture_tomorrowIs() {
    assertThat(validate("{\"signedAt\": \"2026-11-24T23:00:00+07:00\"}").problems()).isEmpty();
    assertThat(validate("{\"signedAt\": \"2026-11-24T17:00:00Z\"}").problems())
        .extracting(Problem::pointer, Problem::code)
        .containsExactly(tuple("/signedAt", "date.future"));
  }

  @Test
  void validate_futureDateInArrayItem_reportsItsPointer() {
    ValidationReport report =
        validate(
            "{\"children\": [{\"dateOfBirth\": \"2020-01-01\"}, {\"dateOfBirth\": \"2027-01-01\"}]}");

    assertThat(report.problems())
        .extracting(Problem::pointer, Problem::code)
        .containsExactly(tuple("/children/1/dateOfBirth", "date.future"));
  }

  @Test
  void validate_malformedDate_reportsOnlyTheFormat() {
    assertThat(validate("{\"person\": {\"dateOfBirth\": \"2099-02-30\"}}").problems())
        .extracting(Problem::pointer, Problem::code)
        .containsExactly(tuple("/person/dateOfBirth", "format.date"));
  }

  @ParameterizedTest
  @CsvSource({
    "001090004567, 1990-09-02, male",
    "001190004567, 1990-09-02, female",
    "001200004567, 2000-01-01, male",
    "001325004567, 2025-12-31, female",
    "079099012345, 1999-06-30, male"
  })
  void validate_idAgreesWithBirthYearAndSex_noProblem(String id, String born, String sex) {
    assertThat(validate(person(id, born, sex)).problems()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "001091004567, 1990-09-02, male", // year digits 91
    "001290004567, 1990-09-02, male", // 2 is the 2000s
    "001090004567, 2090-09-02, male", // 0 is the 1900s
    "001099004567, 1899-09-02, male", // no century digit for the 1800s
  })
  void validate_idDisagreesWithBirthYear_reportsBirthYearAtTheId(
      String id, String born, String sex) {
    ValidationReport report =
        VALIDATOR.validate(
            Json.read(person(id, born, sex), "t"),
            Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC));

    assertThat(report.problems())
        .extracting(Problem::pointer, Problem::code)
        .containsExactly(tuple("/person/personalId", "personal-id.birth-year"));
    assertThat(report.problems().get(0).message().vi())
        .isEqualTo(
            "“Số định danh cá nhân” không khớp với “Ngày sinh”: chữ số thứ 4 (thế kỷ sinh) và chữ số"
                + " thứ 5, 6 (năm sinh) của số định danh cá nhân phải khớp với ngày sinh.");
    assertThat(report.problems().get(0).message().in(Locale.ENGLISH))
        .isEqualTo(
            "“Personal ID number” does not match “Date of birth”: the 4th digit of a personal"
                + " identification number (century of birth) and its 5th and 6th digits (year of"
                + " birth) must agree with the date of birth.");
    assertThat(report.problems().get(0).message().vi()).doesNotContain(id).doesNotContain(born);
  }

  @ParameterizedTest
  @CsvSource({"001090004567, female", "001190004567, male", "001325004567, male"})
  void validate_idDisagreesWithSex_reportsSexAtTheId(String id, String sex) {
    String born =
        id.charAt(3) < '2'
            ? "19" + id.substring(4, 6) + "-05-05"
            : "20" + id.substring(4, 6) + "-05-05";

    ValidationReport report = validate(person(id, born, sex));

    assertThat(report.problems())
        .extracting(Problem::pointer, Problem::code)
        .containsExactly(tuple("/person/personalId", "personal-id.sex"));
    assertThat(report.problems().get(0).message().in(Locale.ENGLISH))
        .isEqualTo(
            "“Personal ID number” does not match “Sex”: the 4th digit of a personal identification"
                + " number is even for a man and odd for a woman.");
  }

  @Test
  void validate_linkedFieldsAbsentOrInvalid_areNotCompared() {
    List<String> submissions =
        List.of(
            "{\"person\": {\"personalId\": \"001190004567\"}}",
            person("001190004567", "1990-13-45", "unknown"),
            person("003090004567", "1991-01-01", "female"));

    assertThat(submissions)
        .allSatisfy(
            json ->
                assertThat(validate(json).problems())
                    .extracting(Problem::code)
                    .doesNotContain("personal-id.birth-year", "personal-id.sex"));
  }

  @Test
  void agrees_centuryDigits() {
    assertThat(FieldRules.agrees(4, 1, 2101)).isTrue();
    assertThat(FieldRules.agrees(5, 1, 2101)).isTrue();
    assertThat(FieldRules.agrees(8, 99, 2399)).isTrue();
    assertThat(FieldRules.agrees(9, 0, 2400)).isFalse();
    assertThat(FieldRules.agrees(2, 0, 1900)).isFalse();
  }
}
