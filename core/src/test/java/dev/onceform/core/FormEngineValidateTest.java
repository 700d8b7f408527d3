package dev.onceform.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.testing.Fixtures;
import dev.onceform.core.validation.Problem;
import dev.onceform.core.validation.ValidationReport;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormEngineValidateTest {
  private static final FormEngine ENGINE =
      FormEngine.builder().form(Fixtures.birthRegistration()).build();

  private static ObjectNode section(ObjectNode submission, String name) {
    return (ObjectNode) submission.get(name);
  }

  @Test
  void validate_completeSubmission_isValid() {
    ValidationReport report = ENGINE.validate("birth-registration", Fixtures.validSubmission());

    assertThat(report.problems()).isEmpty();
    assertThat(report.valid()).isTrue();
    assertThat(report.formId()).isEqualTo("birth-registration@0.1.0");
  }

  @Test
  void validate_byIdAndVersion_isValid() {
    assertThat(ENGINE.validate("birth-registration@0.1.0", Fixtures.validSubmission()).valid())
        .isTrue();
  }

  @Test
  void validate_withoutFather_isValid() {
    ObjectNode submission = Fixtures.validSubmission();
    submission.remove("father");

    assertThat(ENGINE.validate("birth-registration", submission).valid()).isTrue();
  }

  @Test
  void validate_missingChildName_reportsRequiredAtFieldPointerWithLabel() {
    ObjectNode submission = Fixtures.validSubmission();
    section(submission, "child").remove("fullName");

    ValidationReport report = ENGINE.validate("birth-registration", submission);

    assertThat(report.valid()).isFalse();
    Problem problem = report.problems().get(0);
    assertThat(problem.pointer()).isEqualTo("/child/fullName");
    assertThat(problem.code()).isEqualTo("required");
    assertThat(problem.valueType()).isEqualTo("missing");
    assertThat(problem.message().vi()).isEqualTo("Chưa nhập “Họ, chữ đệm, tên”.");
    assertThat(problem.message().in(Locale.ENGLISH)).isEqualTo("“Full name” is required.");
  }

  @Test
  void validate_badPersonalId_citizenMessageNotARegex() {
    ObjectNode submission = Fixtures.validSubmission();
    section(submission, "mother").put("personalId", "12345");

    Problem problem = ENGINE.validate("birth-registration", submission).problems().get(0);

    assertThat(problem.pointer()).isEqualTo("/mother/personalId");
    assertThat(problem.code()).isEqualTo("format.vn-personal-id");
    assertThat(problem.valueType()).isEqualTo("string");
    assertThat(problem.message().vi()).startsWith("Số định danh cá nhân phải gồm 12 chữ số");
  }

  @Test
  void validate_impossibleDate_reportsFormatDate() {
    ObjectNode submission = Fixtures.validSubmission();
    section(submission, "child").put("dateOfBirth", "2026-02-30");

    Problem problem = ENGINE.validate("birth-registration", submission).problems().get(0);

    assertThat(problem.pointer()).isEqualTo("/child/dateOfBirth");
    assertThat(problem.code()).isEqualTo("format.date");
    assertThat(problem.message().vi()).contains("Ngày, tháng, năm sinh");
  }

  @Test
  void validate_unknownEthnicCode_reportsCodelist() {
    ObjectNode submission = Fixtures.validSubmission();
    section(submission, "child").put("ethnicity", "99");

    Problem problem = ENGINE.validate("birth-registration", submission).problems().get(0);

    assertThat(problem.pointer()).isEqualTo("/child/ethnicity");
    assertThat(problem.code()).isEqualTo("codelist");
    assertThat(problem.message().vi())
        .isEqualTo("Giá trị của “Dân tộc” không có trong danh mục mã cho phép.");
  }

  @Test
  void validate_sexNotInEnum_reportsEnumOnce() {
    ObjectNode submission = Fixtures.validSubmission();
    section(submission, "child").put("sex", "x");

    ValidationReport report = ENGINE.validate("birth-registration", submission);

    assertThat(report.problems()).extracting(Problem::code).containsExactly("enum");
  }

  @Test
  void validate_unknownField_reportsAdditionalPropertiesAtItsPointer() {
    ObjectNode submission = Fixtures.validSubmission();
    section(submission, "child").put("nickname", "Bin");

    Problem problem = ENGINE.validate("birth-registration", submission).problems().get(0);

    assertThat(problem.pointer()).isEqualTo("/child/nickname");
    assertThat(problem.code()).isEqualTo("additionalProperties");
  }

  @Test
  void validate_wrongType_reportsTypeWithoutTheValue() {
    ObjectNode submission = Fixtures.validSubmission();
    section(submission, "child").put("fullName", 42);

    Problem problem = ENGINE.validate("birth-registration", submission).problems().get(0);

    assertThat(problem.code()).isEqualTo("type");
    assertThat(problem.valueType()).isEqualTo("number");
    assertThat(problem.message().vi()).doesNotContain("42");
  }

  @Test
  void validate_tooLongName_reportsMaxLengthWithLimit() {
    ObjectNode submission = Fixtures.validSubmission();
    section(submission, "child").put("fullName", "A".repeat(101));

    Problem problem = ENGINE.validate("birth-registration", submission).problems().get(0);

    assertThat(problem.code()).isEqualTo("maxLength");
    assertThat(problem.message().vi())
        .isEqualTo("“Họ, chữ đệm, tên” không được dài quá 100 ký tự.");
  }

  @Test
  void validate_severalProblems_reportsAllOfThem() {
    ObjectNode submission = Fixtures.validSubmission();
    section(submission, "child").remove("fullName");
    section(submission, "mother").put("personalId", "1");
    section(submission, "applicant").put("phone", "12");

    ValidationReport report = ENGINE.validate("birth-registration", submission);

    assertThat(report.problems())
        .extracting(Problem::pointer)
        .containsExactlyInAnyOrder("/child/fullName", "/mother/personalId", "/applicant/phone");
  }

  @Test
  void validate_notAnObject_reportsTypeAtRoot() {
    ValidationReport report =
        ENGINE.validate("birth-registration", Submissions.parse("[1, 2]", "array.json"));

    assertThat(report.problems()).extracting(Problem::pointer).contains("");
    assertThat(report.problems()).extracting(Problem::code).contains("type");
  }
}
