package dev.onceform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.FormEngine;
import dev.onceform.core.Submissions;
import dev.onceform.core.validation.ValidationReport;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.SampleForms;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code onceform validate}: checks a submission against a form. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validates a submission (JSON) against a form and lists every problem: its JSON Pointer,"
          + " the label of its field, its code and its message in the language of --lang.",
      "--json prints the report as JSON, following the schema"
          + " https://onceform.dev/schema/validation-report/1.0 (see docs/validation.md).",
      "Exit codes: 0 valid, 1 invalid, 2 bad usage or unreadable input."
    })
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--form",
      required = true,
      paramLabel = "FORM",
      description =
          "A form file (JSON), or the id of a bundled form (its latest version), e.g."
              + " birth-registration, or id@version, e.g. birth-registration@0.1.0.")
  String form = "";

  @CommandLine.Mixin ReportOptions options = new ReportOptions();

  @Parameters(paramLabel = "SUBMISSION.json", description = "The submission to check.")
  Path submission = Path.of("");

  @Override
  public Integer call() throws Exception {
    FormDefinition definition = loadForm(form);
    JsonNode data;
    // read through the default SubmissionLimits: hostile input stops at a limit, with OF-JSON-1xx
    try (InputStream in = InputFiles.open(submission)) {
      data = Submissions.parse(in, submission.toString());
    }
    ValidationReport report =
        FormEngine.builder().form(definition).build().validate(definition.toString(), data);
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      ReportOptions.printJson(report.toJson(), out);
    } else {
      ValidationReportText.print(report, definition, options.lang, out);
    }
    return report.valid() ? ExitCode.OK : ExitCode.FAILED;
  }

  static FormDefinition loadForm(String name) {
    Path file = Path.of(name);
    if (Files.exists(file)) {
      return FormDefinition.parse(new ByteArrayInputStream(InputFiles.read(file)), file.toString());
    }
    int at = name.indexOf('@');
    Optional<FormDefinition> bundled =
        at < 0
            ? SampleForms.get(name)
            : SampleForms.get(name.substring(0, at), name.substring(at + 1));
    return bundled.orElseThrow(
        () ->
            new UsageException(
                "form '"
                    + name
                    + "' is neither a file nor a bundled form (bundled: "
                    + String.join(", ", SampleForms.ids())
                    + ")"));
  }
}
