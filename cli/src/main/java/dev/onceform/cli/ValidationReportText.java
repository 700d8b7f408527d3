package dev.onceform.cli;

import dev.onceform.core.validation.Problem;
import dev.onceform.core.validation.ValidationReport;
import dev.onceform.schema.FieldDefinition;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.LocalizedText;
import dev.onceform.schema.Section;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/**
 * The human-readable form of a {@link ValidationReport}: a summary line, then one line per problem
 * with its pointer, the label of its field, its code and its message in one language.
 *
 * <pre>
 * birth-registration@1.0.0: 2 lỗi
 *   /child/fullName (Họ, chữ đệm và tên)  [required]  Chưa nhập “Họ, chữ đệm và tên”.
 *   /extra  [additionalProperties]  Biểu mẫu không có trường “extra”; hãy bỏ trường này.
 * </pre>
 */
final class ValidationReportText {
  private ValidationReportText() {}

  static void print(ValidationReport report, FormDefinition form, Language lang, PrintWriter out) {
    Locale locale = lang.locale();
    if (report.valid()) {
      out.printf("%s: %s%n", report.formId(), lang.pick("hợp lệ", "valid"));
      return;
    }
    int count = report.problems().size();
    out.printf(
        "%s: %d %s%n",
        report.formId(), count, lang.pick("lỗi", count == 1 ? "problem" : "problems"));
    for (Problem problem : report.problems()) {
      String where = problem.pointer().isEmpty() ? "/" : problem.pointer();
      String label = label(form, problem.pointer()).map(l -> " (" + l.in(locale) + ")").orElse("");
      out.printf("  %s%s  [%s]  %s%n", where, label, problem.code(), problem.message().in(locale));
    }
  }

  /** The label of the field or section at a pointer, or the form's title for the whole document. */
  static Optional<LocalizedText> label(FormDefinition form, String pointer) {
    Optional<LocalizedText> field = form.field(pointer).map(FieldDefinition::label);
    if (field.isPresent()) {
      return field;
    }
    if (pointer.isEmpty()) {
      return Optional.of(form.title());
    }
    return form.sections().stream()
        .filter(s -> s.pointer().equals(pointer))
        .map(Section::label)
        .findFirst();
  }
}
