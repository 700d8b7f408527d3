package dev.onceform.cli;

import dev.onceform.core.result.ResultTemplateLinter;
import dev.onceform.core.result.ResultTemplates;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.LintFinding;
import dev.onceform.schema.LintReport;
import dev.onceform.schema.SampleForms;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code onceform lint} for result template files: recognised by their {@code $schema}. */
final class TemplateFiles {
  private TemplateFiles() {}

  /**
   * Whether a file reads as a result template; a file that cannot be read is left to the form
   * linter.
   */
  static boolean isTemplate(Path file) {
    try {
      return Files.isRegularFile(file)
          && ResultTemplates.isTemplate(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Lints the templates against the sample forms and {@code formFiles}; adds to a report. */
  static LintReport lint(List<Path> templates, List<Path> formFiles, LintReport report) {
    if (templates.isEmpty()) {
      return report;
    }
    List<FormDefinition> forms = new ArrayList<>(SampleForms.all());
    for (Path file : formFiles) {
      forms.add(
          FormDefinition.parse(new ByteArrayInputStream(InputFiles.read(file)), file.toString()));
    }
    List<LintFinding> findings = new ArrayList<>(report.findings());
    ResultTemplateLinter linter = ResultTemplateLinter.create();
    for (Path template : templates) {
      findings.addAll(linter.lint(template, forms).findings());
    }
    return new LintReport(findings, report.coverage());
  }
}
