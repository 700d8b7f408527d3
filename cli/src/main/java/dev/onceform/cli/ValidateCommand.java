package dev.onceform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.FormEngine;
import dev.onceform.core.Submissions;
import dev.onceform.core.validation.Problem;
import dev.onceform.core.validation.ValidationReport;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.SampleForms;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
    description = "Validates a submission (JSON) against a form and lists every problem.")
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
      ReportOptions.printJson(toJson(report), out);
    } else {
      print(report, out);
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

  private void print(ValidationReport report, PrintWriter out) {
    Locale locale = options.lang.locale();
    if (report.valid()) {
      out.printf("%s: %s%n", report.formId(), options.lang.pick("hợp lệ", "valid"));
      return;
    }
    int count = report.problems().size();
    out.printf(
        "%s: %d %s%n",
        report.formId(), count, options.lang.pick("lỗi", count == 1 ? "problem" : "problems"));
    for (Problem problem : report.problems()) {
      String where = problem.pointer().isEmpty() ? "/" : problem.pointer();
      out.printf("  %s  [%s]  %s%n", where, problem.code(), problem.message().in(locale));
    }
  }

  static ObjectNode toJson(ValidationReport report) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("form", report.formId());
    root.put("valid", report.valid());
    ArrayNode problems = root.putArray("problems");
    for (Problem problem : report.problems()) {
      ObjectNode item = problems.addObject();
      item.put("pointer", problem.pointer());
      item.put("code", problem.code());
      item.put("valueType", problem.valueType());
      item.putObject("message")
          .put("vi", problem.message().vi())
          .put("en", problem.message().in(Locale.ENGLISH));
    }
    return root;
  }
}
