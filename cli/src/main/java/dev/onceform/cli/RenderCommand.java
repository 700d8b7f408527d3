package dev.onceform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.FormEngine;
import dev.onceform.core.Submissions;
import dev.onceform.core.result.PdfRenderer;
import dev.onceform.core.result.ReceiptNumbers;
import dev.onceform.core.result.ResultData;
import dev.onceform.core.result.ResultDocument;
import dev.onceform.core.result.ResultSchemas;
import dev.onceform.core.result.ResultTemplate;
import dev.onceform.core.validation.ValidationReport;
import dev.onceform.schema.FormDefinition;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code onceform render}: renders a submission as its PDF declaration, or, with {@code
 * --template}, the electronic result of a submission (or of a {@code result.json}) as a PDF/A-3b
 * document plus its {@code result.json}.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Renders DATA.json as an A4 PDF/A-3b document in Vietnamese (or English with --lang en).",
      "Without --template, DATA.json is a submission and the PDF is the filled declaration, with"
          + " the submission embedded as submission.json.",
      "With --template, the PDF is the electronic result (e.g. TRÍCH LỤC KHAI SINH) with its QR"
          + " code and result.json embedded; result.json is also written beside the PDF"
          + " (OUT.result.json, or --json FILE). DATA.json is either a submission, completed with"
          + " --officer and --receipt, or a result.json written earlier (its $schema is "
          + ResultSchemas.RESULT
          + "), rendered again as it is.",
      "A submission must be valid: if it is not, its problems are printed and nothing is written"
          + " (exit code 1). Files are written completely or not at all.",
      "Exit codes: 0 written, 1 invalid submission, 2 bad usage or unreadable input."
    })
final class RenderCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--form",
      required = true,
      paramLabel = "FORM",
      description =
          "A form file (JSON), or the id of a bundled form (its latest version), e.g."
              + " birth-registration, or id@version, e.g. birth-registration@1.0.0.")
  String form = "";

  @Option(
      names = "--template",
      paramLabel = "TEMPLATE",
      description =
          "Render the result: a built-in result template id, e.g. birth-certificate, or a"
              + " template file (JSON).")
  @Nullable String template;

  @Option(
      names = "--lang",
      paramLabel = "vi|en",
      defaultValue = "vi",
      description = "Language of the document (default: ${DEFAULT-VALUE}).")
  Language lang = Language.vi;

  @Option(
      names = "--officer",
      paramLabel = "NAME=VALUE",
      description =
          "An officer input of the template (repeatable), e.g. --officer"
              + " registrationNumber=125/2026; only with --template and a submission.")
  Map<String, String> officer = new LinkedHashMap<>();

  @Option(
      names = "--receipt",
      paramLabel = "NUMBER",
      description =
          "The file's receipt number (mã hồ sơ); default: a new number <agency code>-<yyMMdd>-0001"
              + " for the template's agency. Only with --template and a submission.")
  @Nullable String receipt;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT.pdf",
      description = "The PDF to write (replaced if it exists).")
  Path output = Path.of("");

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description =
          "Where to write result.json (default: OUT.result.json beside the PDF, e.g."
              + " out/certificate.result.json for out/certificate.pdf). Only with --template.")
  @Nullable Path json;

  @Parameters(paramLabel = "DATA.json", description = "A submission, or a result.json.")
  Path data = Path.of("");

  private final Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws Exception {
    FormDefinition definition = ValidateCommand.loadForm(form);
    ResultTemplate resultTemplate =
        template == null ? null : TemplateChoice.resolve(template, definition);
    checkOptions(resultTemplate != null);
    JsonNode document;
    // read through the default SubmissionLimits: hostile input stops at a limit, with OF-JSON-1xx
    try (InputStream in = InputFiles.open(data)) {
      document = Submissions.parse(in, data.toString());
    }
    boolean isResult = ResultSchemas.RESULT.equals(document.path("$schema").asText());
    if (isResult && resultTemplate == null) {
      throw new UsageException(
          data + ": is a result.json; render it with --template (the template it names)");
    }
    if (isResult && (!officer.isEmpty() || receipt != null)) {
      throw new UsageException(
          data
              + ": is a result.json, which already has its officer inputs and receipt number;"
              + " drop --officer and --receipt, or give the submission instead");
    }
    if (!isResult) {
      ValidationReport report =
          FormEngine.builder().form(definition).build().validate(definition.toString(), document);
      if (!report.valid()) {
        ValidationReportText.print(report, definition, lang, spec.commandLine().getOut());
        spec.commandLine()
            .getErr()
            .printf(
                "%s: %s is not a valid submission of %s; nothing written%n",
                spec.qualifiedName(), data, definition);
        return ExitCode.FAILED;
      }
    }
    PdfRenderer renderer = PdfRenderer.builder().clock(clock).build();
    Locale locale = lang.locale();
    PrintWriter out = spec.commandLine().getOut();
    if (resultTemplate == null) {
      byte[] pdf = renderer.renderSubmission(definition, document, locale);
      new OutputFiles().add(output, pdf).write();
      out.printf(
          Locale.ROOT,
          "%s: %s, %s (%,d bytes)%n",
          output,
          definition,
          definition.title().in(locale),
          pdf.length);
      return ExitCode.OK;
    }
    ResultData result =
        isResult
            ? TemplateChoice.readResult(InputFiles.read(data), data, resultTemplate, definition)
            : build(resultTemplate, definition, document);
    ResultDocument rendered = renderer.renderResult(resultTemplate, definition, result, locale);
    Path jsonFile = json != null ? json : jsonBeside(output);
    byte[] pdf = rendered.pdf();
    new OutputFiles().add(output, pdf).add(jsonFile, rendered.json()).write();
    out.printf(
        Locale.ROOT,
        "%s: %s, %s %s (%,d bytes); %s -> %s%n",
        output,
        result.title().in(locale),
        lang.pick("mã hồ sơ", "receipt"),
        result.receiptNumber(),
        pdf.length,
        "result.json",
        jsonFile);
    return ExitCode.OK;
  }

  private void checkOptions(boolean withTemplate) {
    if (!withTemplate && (!officer.isEmpty() || receipt != null || json != null)) {
      throw new UsageException(
          "--officer, --receipt and --json apply only to a result; add --template");
    }
  }

  private ResultData build(
      ResultTemplate resultTemplate, FormDefinition form, JsonNode submission) {
    TemplateChoice.checkOfficerInputs(resultTemplate, officer);
    String number = receipt;
    if (number == null) {
      number = ReceiptNumbers.daily(clock).next(resultTemplate.agency().code());
    } else if (number.isBlank()) {
      throw new UsageException("--receipt must not be blank");
    }
    ResultData.Builder builder =
        ResultData.builder(resultTemplate, form)
            .submission(submission)
            .receiptNumber(number)
            .clock(clock);
    officer.forEach(builder::officerInput);
    return builder.build();
  }

  /**
   * {@code out/x.pdf} gives {@code out/x.result.json}; a name without {@code .pdf} gets it added.
   */
  static Path jsonBeside(Path pdf) {
    String name = String.valueOf(pdf.getFileName());
    String base =
        name.toLowerCase(Locale.ROOT).endsWith(".pdf")
            ? name.substring(0, name.length() - 4)
            : name;
    return pdf.resolveSibling(base + ".result.json");
  }
}
