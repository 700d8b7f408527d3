package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.LintFinding;
import dev.onceform.schema.LintReport;
import dev.onceform.schema.OnceFormException;
import dev.onceform.schema.SchemaViolation;
import dev.onceform.schema.Severity;
import dev.onceform.schema.internal.LocatedJson;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks result template files before they are deployed, the way {@code FormLinter} checks forms:
 * every problem is a {@link LintFinding} with {@code file:line:column}, a stable code, a message
 * and a hint, and the JSON Pointer in the template. The codes are listed in {@code docs/errors.md}
 * and {@code docs/results.md}.
 *
 * <p>It checks the template against {@link ResultSchemas#TEMPLATE}, that ids are unique and every
 * reference names a field, that Vietnamese texts are present and in NFC, and, against the form the
 * template serves: that the form is the one it names, every submission pointer and table column
 * exists, every computed value is valid JSON Logic reading fields of the form, each format fits its
 * field, and each officer input is asked once.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * LintReport report = ResultTemplateLinter.create().lint(Path.of("birth-certificate.json"), form);
 * report.findings().forEach(System.out::println);
 * }</pre>
 */
public final class ResultTemplateLinter {
  static final String NOT_JSON = "json.invalid";
  static final String UNREADABLE = "io.unreadable";
  static final String SCHEMA = "result.schema";
  static final String NOT_NFC = "result.not-nfc";
  static final String UNKNOWN_FORM = "result.unknown-form";

  private ResultTemplateLinter() {}

  /** Returns a linter. */
  public static ResultTemplateLinter create() {
    return new ResultTemplateLinter();
  }

  /**
   * Lints a template file against the form it names ({@code "form"}), chosen from {@code forms}:
   * the highest version with that id. A template whose form is not among them gets one {@code
   * result.unknown-form} finding and is checked on its own (schema, ids, texts).
   *
   * @param forms the forms a template may serve, e.g. {@code SampleForms.all()} plus the agency's
   */
  public LintReport lint(Path file, List<FormDefinition> forms) {
    requireNonNull(file, "file");
    requireNonNull(forms, "forms");
    String text;
    try {
      text = ResultTemplates.read(file);
    } catch (OnceFormException e) {
      return unreadable(file, e);
    }
    String named;
    try {
      named = LocatedJson.parse(text).root().path("form").asText();
    } catch (LocatedJson.MalformedJsonException e) {
      named = "";
    }
    String formId = named;
    java.util.Optional<FormDefinition> form =
        forms.stream()
            .filter(f -> f.id().equals(formId))
            .max(java.util.Comparator.comparingLong(f -> versionOrder(f.version())));
    if (form.isPresent() || named.isEmpty()) {
      return form.isPresent()
          ? lint(text, file.toString(), form.get())
          : check(text, file.toString(), null);
    }
    LintReport own = check(text, file.toString(), null);
    List<LintFinding> findings = new ArrayList<>(own.findings());
    LocatedJson.Position at;
    try {
      at = LocatedJson.parse(text).valueAt("/form");
    } catch (LocatedJson.MalformedJsonException e) {
      at = LocatedJson.Position.START;
    }
    findings.add(
        new LintFinding(
            file.toString(),
            at.line(),
            at.column(),
            Severity.ERROR,
            UNKNOWN_FORM,
            "the template is for form '" + named + "', which is not among the forms given",
            "give the form file too (onceform lint --form FILE), or fix \"form\"",
            "/form"));
    return new LintReport(findings, List.of());
  }

  /**
   * Lints a template file against the form it serves.
   *
   * @return the findings; a file that cannot be read is one {@code io.unreadable} finding
   */
  public LintReport lint(Path file, FormDefinition form) {
    requireNonNull(file, "file");
    requireNonNull(form, "form");
    String text;
    try {
      text = ResultTemplates.read(file);
    } catch (OnceFormException e) {
      return unreadable(file, e);
    }
    return lint(text, file.toString(), form);
  }

  /**
   * Lints a template given as text.
   *
   * @param json the template document
   * @param fileName the name findings give as their file
   * @param form the form the template serves
   */
  public LintReport lint(String json, String fileName, FormDefinition form) {
    requireNonNull(form, "form");
    return check(json, fileName, form);
  }

  private LintReport check(String json, String fileName, @Nullable FormDefinition form) {
    requireNonNull(json, "json");
    requireNonNull(fileName, "fileName");
    LocatedJson located;
    try {
      located = LocatedJson.parse(json);
    } catch (LocatedJson.MalformedJsonException e) {
      LintFinding finding =
          new LintFinding(
              fileName,
              e.position().line(),
              e.position().column(),
              Severity.ERROR,
              NOT_JSON,
              "not valid JSON: " + e.getMessage(),
              "fix the JSON at this position",
              "");
      return new LintReport(List.of(finding), List.of());
    }
    Findings findings = new Findings(fileName, located);
    JsonNode root = located.root();
    List<SchemaViolation> violations = ResultSchemas.validateTemplate(root);
    for (SchemaViolation violation : violations) {
      findings.error(
          SCHEMA,
          violation.pointer(),
          violation.message(),
          "see docs/results.md for the template format");
    }
    for (TemplateReader.Problem problem : TemplateReader.structure(root)) {
      findings.error(problem.code(), problem.pointer(), problem.message(), problem.hint());
    }
    nfc(root, "", findings);
    if (violations.isEmpty() && form != null) {
      FormBindingCheck.check(root, form, findings);
    }
    return new LintReport(findings.all(), List.of());
  }

  /** Orders {@code major.minor.patch[-pre]} versions; a pre-release sorts before its release. */
  private static long versionOrder(String version) {
    String[] parts = version.split("[.-]", 4);
    long order = 0;
    for (int i = 0; i < 3; i++) {
      long part = i < parts.length && parts[i].matches("[0-9]{1,6}") ? Long.parseLong(parts[i]) : 0;
      order = order * 1_000_000 + part;
    }
    return order * 2 + (parts.length > 3 ? 0 : 1);
  }

  private static LintReport unreadable(Path file, OnceFormException e) {
    String code = e.code().equals(ResultErrors.NOT_JSON) ? NOT_JSON : UNREADABLE;
    return new LintReport(
        List.of(
            new LintFinding(
                file.toString(),
                0,
                0,
                Severity.ERROR,
                code,
                String.valueOf(e.getMessage()),
                code.equals(NOT_JSON) ? "save the file as UTF-8" : "check the path",
                "")),
        List.of());
  }

  private static void nfc(JsonNode node, String pointer, Findings findings) {
    if (node.isTextual() && !Normalizer.isNormalized(node.asText(), Normalizer.Form.NFC)) {
      findings.warning(
          NOT_NFC,
          pointer,
          "the text is not in Unicode NFC (letters written as base letter plus combining marks)",
          "save the text in NFC; OnceForm normalises it when loading, but other tools may not");
    } else if (node.isObject()) {
      node.properties()
          .forEach(
              m ->
                  nfc(
                      m.getValue(),
                      pointer + "/" + m.getKey().replace("~", "~0").replace("/", "~1"),
                      findings));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        nfc(node.get(i), pointer + "/" + i, findings);
      }
    }
  }

  /** The findings of one file, placed at the value a pointer names. */
  static final class Findings {
    private final String file;
    private final LocatedJson located;
    private final List<LintFinding> all = new ArrayList<>();

    Findings(String file, LocatedJson located) {
      this.file = file;
      this.located = located;
    }

    void error(String code, String pointer, String message, String hint) {
      add(Severity.ERROR, code, pointer, message, hint);
    }

    void warning(String code, String pointer, String message, String hint) {
      add(Severity.WARNING, code, pointer, message, hint);
    }

    private void add(Severity severity, String code, String pointer, String message, String hint) {
      LocatedJson.Position at = located.valueAt(pointer);
      all.add(
          new LintFinding(file, at.line(), at.column(), severity, code, message, hint, pointer));
    }

    List<LintFinding> all() {
      return all;
    }
  }
}
