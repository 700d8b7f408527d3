package dev.onceform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.FormLinter;
import dev.onceform.schema.LintFinding;
import dev.onceform.schema.LintReport;
import dev.onceform.schema.PrefillCoverage;
import dev.onceform.schema.Severity;
import dev.onceform.schema.SourceCatalog;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code onceform lint}: checks form files before they are deployed. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Checks form files: JSON, the form meta-schema, $ref, x-prefill against the source catalog,"
          + " code lists, Vietnamese labels, JSON Logic rules, required fields a rule hides,"
          + " x-order, and version bumps (files of one form linted together, or --previous)."
          + " Prints one line per finding (file:line:column: severity code: message) with a hint,"
          + " then each form's prefill coverage.",
      "A file that is not valid JSON is a finding (json.invalid, exit 1); a file that cannot be"
          + " read at all is exit 2."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no errors (warnings allowed)",
      "1:errors found",
      "2:a file could not be read, or bad usage"
    })
final class LintCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print the findings and coverage as JSON.")
  boolean json;

  @Option(
      names = "--previous",
      paramLabel = "FILE",
      description =
          "A published version of a linted form (repeatable): a breaking change since it needs a"
              + " new major version.")
  List<Path> previous = new ArrayList<>();

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description =
          "A source catalog with the agency's own databases (repeatable), added to the built-in"
              + " one.")
  List<Path> catalogs = new ArrayList<>();

  @Option(
      names = "--form",
      paramLabel = "FILE",
      description =
          "A form that a linted result template may serve (repeatable), besides the sample forms.")
  List<Path> forms = new ArrayList<>();

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "The form files to check; a file whose $schema is"
              + " https://onceform.dev/schema/result-template/1.0 is checked as a result template"
              + " against the form it names.")
  List<Path> files = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    SourceCatalog catalog = SourceCatalog.builtIn();
    for (Path file : catalogs) {
      InputFiles.read(file);
      catalog = catalog.with(SourceCatalog.load(file));
    }
    List<FormDefinition> published = new ArrayList<>();
    for (Path file : previous) {
      published.add(
          FormDefinition.parse(new ByteArrayInputStream(InputFiles.read(file)), file.toString()));
    }
    List<Path> formFiles = new ArrayList<>();
    List<Path> templateFiles = new ArrayList<>();
    for (Path file : files) {
      (TemplateFiles.isTemplate(file) ? templateFiles : formFiles).add(file);
    }
    LintReport report =
        FormLinter.builder().catalog(catalog).previousVersions(published).build().lint(formFiles);
    report = TemplateFiles.lint(templateFiles, forms, report);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ReportOptions.printJson(toJson(report), out);
    } else {
      print(report, out);
    }
    if (report.hasUnreadableInput()) {
      return ExitCode.USAGE;
    }
    return report.hasErrors() ? ExitCode.FAILED : ExitCode.OK;
  }

  private static void print(LintReport report, PrintWriter out) {
    for (LintFinding finding : report.findings()) {
      out.println(finding);
      out.println("  hint: " + finding.hint());
    }
    for (PrefillCoverage coverage : report.coverage()) {
      out.println(coverage);
    }
    int errors = report.findings(Severity.ERROR).size();
    int warnings = report.findings(Severity.WARNING).size();
    out.printf(
        Locale.ROOT,
        "%s, %s%n",
        count(errors, "error", "errors"),
        count(warnings, "warning", "warnings"));
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  static ObjectNode toJson(LintReport report) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("errors", report.findings(Severity.ERROR).size());
    root.put("warnings", report.findings(Severity.WARNING).size());
    ArrayNode findings = root.putArray("findings");
    for (LintFinding finding : report.findings()) {
      findings
          .addObject()
          .put("file", finding.file())
          .put("line", finding.line())
          .put("column", finding.column())
          .put("severity", finding.severity().label())
          .put("code", finding.code())
          .put("message", finding.message())
          .put("hint", finding.hint())
          .put("pointer", finding.pointer());
    }
    ArrayNode coverage = root.putArray("coverage");
    for (PrefillCoverage c : report.coverage()) {
      ObjectNode item =
          coverage
              .addObject()
              .put("form", c.form())
              .put("file", c.file())
              .put("fillable", c.fillable())
              .put("citizenEntered", c.citizenEntered())
              .put("ratio", c.ratio());
      ArrayNode unfilled = item.putArray("unfilled");
      c.unfilled().forEach(unfilled::add);
    }
    return root;
  }
}
