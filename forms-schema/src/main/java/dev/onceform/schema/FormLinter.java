package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.internal.LocatedJson;
import dev.onceform.schema.internal.LocatedJson.MalformedJsonException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Checks form files for the mistakes a form author makes, before an agency deploys a form, and
 * measures each form's {@link PrefillCoverage prefill coverage}.
 *
 * <p>Each {@link LintFinding} has a stable code (listed in {@code docs/errors.md}), the line and
 * column of the offending key or value, a message and a hint:
 *
 * <ul>
 *   <li>{@code json.invalid}: not well-formed JSON (or not UTF-8), at the parser's position;
 *   <li>{@code meta-schema}: not valid against the form meta-schema;
 *   <li>{@code ref.remote}, {@code ref.unresolved}: a {@code $ref} out of the document (OnceForm
 *       never fetches) or to nothing;
 *   <li>{@code prefill.unknown-source}, {@code prefill.unknown-attribute}, {@code
 *       prefill.type-mismatch}, {@code prefill.unknown-subject}: an {@code x-prefill} that does not
 *       fit the source catalog or the form;
 *   <li>{@code codelist.unknown}: an {@code x-codelist} no provider serves;
 *   <li>{@code label.missing-vi}, and the warning {@code label.not-nfc};
 *   <li>{@code rule.invalid}, {@code rule.unknown-field}: an {@code x-visible-if} or {@code
 *       x-compute} that is not JSON Logic with known operators, or reads a field the form does not
 *       have;
 *   <li>{@code required.hidden}: a required field hidden by a rule, without a default;
 *   <li>the warning {@code order.duplicate}: two siblings with the same {@code x-order};
 *   <li>{@code not-future.misplaced}, {@code personal-id.misplaced}, {@code
 *       personal-id.unknown-field}, {@code personal-id.wrong-field}: an {@code x-not-future} or
 *       {@code x-personal-id} on the wrong kind of field or linked to one;
 *   <li>{@code version.breaking}, {@code version.unchanged}: versions of one form (files linted
 *       together, or {@link Builder#previousVersions published versions}) whose version numbers do
 *       not tell the change, judged by {@link FormDefinition#diff};
 *   <li>{@code form.invalid}: a document that cannot be loaded as a form for another reason;
 *   <li>{@code io.unreadable}: a file that cannot be read (not found, a directory, no permission).
 * </ul>
 *
 * <pre>{@code
 * FormLinter linter = FormLinter.builder().catalog(SourceCatalog.builtIn()).build();
 * LintReport report = linter.lint(Path.of("forms/birth-registration-0.2.0.json"));
 * report.findings().forEach(f -> System.out.println(f + "\n  hint: " + f.hint()));
 * }</pre>
 *
 * <p>Immutable and thread-safe after {@link Builder#build()}.
 */
public final class FormLinter {
  static final String NOT_JSON = "json.invalid";
  static final String UNREADABLE = "io.unreadable";
  static final String NOT_A_FORM = "form.invalid";

  private final Builder settings;
  private final SourceCatalog sources;
  private final List<FormCheck> checks;

  private FormLinter(Builder builder) {
    this.settings = builder.copy();
    this.sources = builder.catalog != null ? builder.catalog : SourceCatalog.builtIn();
    CodeListProvider codeLists =
        builder.codeLists != null ? builder.codeLists : CodeLists.installed();
    this.checks =
        List.of(
            new RefCheck(),
            new PrefillCheck(sources),
            new CodeListCheck(codeLists),
            new LabelCheck(),
            new RuleCheck(),
            new CrossFieldRuleCheck(),
            new RequiredHiddenCheck(),
            new OrderCheck(),
            new FieldKeywordCheck(),
            new MetaSchemaCheck(builder.metaSchema));
  }

  /**
   * Returns a builder. Without settings the linter checks {@code x-prefill} against {@link
   * SourceCatalog#builtIn()} and {@code x-codelist} against {@link CodeLists#installed()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder with this linter's settings. */
  public Builder toBuilder() {
    return settings.copy();
  }

  /** Lints form files. The order does not matter: the report is sorted. */
  public LintReport lint(Path... files) {
    requireNonNull(files, "files");
    return lint(Arrays.asList(files));
  }

  /** Lints form files. The order does not matter: the report is sorted. */
  public LintReport lint(List<Path> files) {
    requireNonNull(files, "files");
    List<Input> inputs = new ArrayList<>();
    for (Path file : files) {
      inputs.add(FormFiles.read(requireNonNull(file, "file")));
    }
    return run(inputs);
  }

  /**
   * Lints one form given as text.
   *
   * @param json the form document
   * @param fileName the name findings carry, such as the file name
   */
  public LintReport lint(String json, String fileName) {
    requireNonNull(json, "json");
    requireNonNull(fileName, "fileName");
    return run(List.of(Input.text(fileName, json)));
  }

  /**
   * A file to lint: its text, or the finding that says why it has none.
   *
   * @param name the file name for findings
   * @param text the text, if the file could be read and decoded
   * @param failure why there is no text, otherwise
   */
  record Input(String name, Optional<String> text, Optional<LintFinding> failure) {
    static Input text(String name, String text) {
      return new Input(name, Optional.of(text), Optional.empty());
    }

    static Input failed(LintFinding failure) {
      return new Input(failure.file(), Optional.empty(), Optional.of(failure));
    }
  }

  private LintReport run(List<Input> inputs) {
    List<LintFinding> findings = new ArrayList<>();
    List<PrefillCoverage> coverage = new ArrayList<>();
    List<LintedFile> files = new ArrayList<>();
    List<VersionCheck.Version> versions = new ArrayList<>();
    for (FormDefinition previous : settings.previous) {
      SemanticVersion.parse(previous.version())
          .ifPresent(v -> versions.add(new VersionCheck.Version(previous, v, Optional.empty())));
    }
    for (Input input : inputs) {
      input.failure().ifPresent(findings::add);
      if (input.text().isEmpty()) {
        continue;
      }
      LintedFile file = parse(input.name(), input.text().get(), findings);
      if (file == null) {
        continue;
      }
      files.add(file);
      checks.forEach(check -> check.check(file));
      load(file)
          .ifPresent(
              form -> {
                coverage.add(PrefillCoverage.of(form, file.file(), sources));
                SemanticVersion.parse(form.version())
                    .ifPresent(
                        v -> versions.add(new VersionCheck.Version(form, v, Optional.of(file))));
              });
    }
    VersionCheck.check(versions);
    files.forEach(file -> findings.addAll(file.findings()));
    return new LintReport(findings, coverage);
  }

  private static @Nullable LintedFile parse(String name, String text, List<LintFinding> findings) {
    try {
      return new LintedFile(name, LocatedJson.parse(text));
    } catch (MalformedJsonException e) {
      findings.add(
          new LintFinding(
              name,
              e.position().line(),
              e.position().column(),
              Severity.ERROR,
              NOT_JSON,
              "not valid JSON: " + e.getMessage(),
              "fix the JSON at this position (a missing comma, quote or bracket is the usual"
                  + " cause; keys must be unique)",
              ""));
      return null;
    }
  }

  /** Loads the form for coverage and versions; reports why not if no other error explains it. */
  private static Optional<FormDefinition> load(LintedFile file) {
    try {
      return Optional.of(FormReader.read(file.root(), file.file()));
    } catch (FormReader.Failure e) {
      if (!file.hasErrors()) {
        file.error(
            NOT_A_FORM,
            e.pointer(),
            e.detail(),
            "see docs/form-language.md for what a form needs (" + e.code() + ")");
      }
      return Optional.empty();
    }
  }

  /**
   * Settings for a {@link FormLinter}. Not thread-safe; each {@link #build()} copies the settings.
   */
  public static final class Builder {
    private @Nullable SourceCatalog catalog;
    private @Nullable CodeListProvider codeLists;
    private List<FormDefinition> previous = List.of();
    private Function<JsonNode, List<SchemaViolation>> metaSchema = MetaSchemas::validateForm;

    private Builder() {}

    /**
     * Sets the registries {@code x-prefill} is checked against; pass {@code
     * SourceCatalog.builtIn().with(agencyCatalog)} to add an agency's own databases. Default: the
     * built-in catalog.
     */
    public Builder catalog(SourceCatalog catalog) {
      this.catalog = requireNonNull(catalog, "catalog");
      return this;
    }

    /**
     * Sets where {@code x-codelist} names are looked up. Default: {@link CodeLists#installed()},
     * the bundled lists and the installed providers.
     */
    public Builder codeLists(CodeListProvider codeLists) {
      this.codeLists = requireNonNull(codeLists, "codeLists");
      return this;
    }

    /**
     * Sets published versions of the forms being linted. A linted form is compared with the nearest
     * lower (or equal) published version of the same id, and {@code version.breaking} is reported
     * if the change is breaking but the major version did not change. Default: none.
     */
    public Builder previousVersions(Collection<FormDefinition> forms) {
      requireNonNull(forms, "forms");
      forms.forEach(f -> requireNonNull(f, "forms must not contain null"));
      this.previous = List.copyOf(forms);
      return this;
    }

    /** Replaces the meta-schema validation (tests only: to reach checks it would pre-empt). */
    Builder metaSchema(Function<JsonNode, List<SchemaViolation>> validator) {
      this.metaSchema = requireNonNull(validator, "validator");
      return this;
    }

    /** Returns a linter with these settings. */
    public FormLinter build() {
      return new FormLinter(this);
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.catalog = catalog;
      copy.codeLists = codeLists;
      copy.previous = previous;
      copy.metaSchema = metaSchema;
      return copy;
    }
  }
}
