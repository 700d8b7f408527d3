package dev.onceform.core.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import dev.onceform.core.validation.Problem;
import dev.onceform.core.validation.ValidationReport;
import dev.onceform.schema.CodeList;
import dev.onceform.schema.CodeListProvider;
import dev.onceform.schema.CodeLists;
import dev.onceform.schema.FieldDefinition;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.OnceFormException;
import dev.onceform.schema.internal.NodePaths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates submissions against one form version: JSON Schema 2020-12 (json-schema-validator, with
 * format assertions on and the Vietnamese formats registered), then the {@code x-codelist}
 * memberships, then the JSON Logic rules ({@link RuleChecker}: hidden fields, computed values,
 * {@code x-rules}). The schema is compiled once, in the constructor; instances are immutable and
 * thread-safe.
 */
public final class FormValidator {
  private static final Dialect DIALECT =
      Dialect.builder(Dialects.getDraft202012()).formats(VnFormats.all()).build();

  private final FormDefinition form;
  private final Schema schema;
  private final String formKey;
  private final List<CodedField> codedFields;
  private final ProblemMessages messages;
  private final FieldRules fieldRules;
  private final RuleChecker rules;
  private final ExecutionConfig formatAssertions;

  /**
   * Compiles a form's schema.
   *
   * @throws OnceFormException {@code OF-VALID-101} if the form names a code list that is neither
   *     bundled nor installed ({@code CodeLists.installed()}), {@code OF-VALID-102} if the schema
   *     does not compile, {@code OF-VALID-103} if a JSON Logic rule is not well-formed, {@code
   *     OF-VALID-152} if a {@code $ref} points out of the form (never fetched)
   */
  public FormValidator(FormDefinition form, ProblemMessages messages) {
    this.form = form;
    this.messages = messages;
    this.formKey = form.toString();
    this.codedFields = codedFields(form);
    this.schema = compile(form);
    this.fieldRules = FieldRules.of(form);
    this.rules = new RuleChecker(form, messages);
    this.formatAssertions =
        ExecutionConfig.builder(schema.createExecutionContext().getExecutionConfig())
            .formatAssertionsEnabled(true)
            .build();
  }

  private static Schema compile(FormDefinition form) {
    String location = "https://onceform.dev/forms/" + form.id() + "/" + form.version();
    RemoteRefs.refuse(form, java.net.URI.create(location));
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            DIALECT, builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
    try {
      Schema schema = registry.getSchema(SchemaLocation.of(location), form.schema());
      schema.initializeValidators();
      return schema;
    } catch (RuntimeException e) {
      throw new OnceFormException(
          "OF-VALID-102",
          "the schema of form "
              + form
              + " ("
              + form.source()
              + ") does not compile: "
              + e.getMessage()
              + "; run 'onceform lint' on it",
          e);
    }
  }

  /** The fields with an {@code x-codelist}, each with its list and a compiled pointer. */
  private static List<CodedField> codedFields(FormDefinition form) {
    Map<String, CodeList> lists = new HashMap<>();
    List<CodedField> coded = new ArrayList<>();
    CodeListProvider provider = null;
    for (FieldDefinition field : form.fields()) {
      if (field.codeList().isEmpty()) {
        continue;
      }
      String name = field.codeList().get();
      CodeList list = lists.get(name);
      if (list == null) {
        if (provider == null) {
          provider = CodeLists.installed();
        }
        CodeListProvider known = provider;
        list = known.find(name).orElseThrow(() -> unknownList(form, field, name, known));
        lists.put(name, list);
      }
      coded.add(new CodedField(field.pointer(), JsonPointer.compile(field.pointer()), list));
    }
    return List.copyOf(coded);
  }

  private static OnceFormException unknownList(
      FormDefinition form, FieldDefinition field, String name, CodeListProvider provider) {
    return new OnceFormException(
        "OF-VALID-101",
        "form "
            + form
            + " field "
            + field.pointer()
            + " names code list '"
            + name
            + "', which is neither bundled nor installed; use one of "
            + provider.names()
            + " or install a CodeListProvider that serves it");
  }

  private record CodedField(String pointer, JsonPointer path, CodeList list) {}

  /** The compiled schema, for the test that it is compiled once. */
  Schema schema() {
    return schema;
  }

  /** Returns the form this validator checks. */
  public FormDefinition form() {
    return form;
  }

  /**
   * Validates a submission and reports every problem, with today's date from the system clock for
   * {@code x-not-future}.
   */
  public ValidationReport validate(JsonNode submission) {
    return validate(submission, Clock.systemUTC());
  }

  /**
   * Validates a submission and reports every problem.
   *
   * @param clock the engine's clock: {@code x-not-future} compares with its date in Vietnam
   */
  public ValidationReport validate(JsonNode given, Clock clock) {
    return validate(given, clock, false);
  }

  /**
   * Validates a submission the engine built itself and reports every problem; the report keeps
   * {@code given} (or the copy without hidden fields) without copying it, so nothing may change it
   * afterwards.
   */
  public ValidationReport validateOwned(JsonNode given, Clock clock) {
    return validate(given, clock, true);
  }

  private ValidationReport validate(JsonNode given, Clock clock, boolean owned) {
    List<Problem> problems = new ArrayList<>();
    Set<String> flagged = new HashSet<>();
    RuleChecker.Visibility visibility = rules.visibility(given);
    JsonNode submission = rules.checked(given, visibility);
    // the registry's execution config with format assertions on, built once (immutable)
    List<com.networknt.schema.Error> errors =
        schema.validate(submission, context -> context.setExecutionConfig(formatAssertions));
    for (com.networknt.schema.Error error : errors) {
      String pointer = pointer(error);
      if (visibility.hides(pointer)) {
        continue; // a hidden field: rule.x-visible-if or dropped (RuleChecker)
      }
      Problem problem = messages.problem(form, error, pointer);
      JsonNode value = error.getInstanceNode();
      if (value != null) {
        problem = RetiredUnits.refine(messages, form, value, problem);
      }
      problems.add(problem);
      flagged.add(problem.pointer());
    }
    checkCodeLists(submission, visibility, flagged, problems);
    fieldRules.check(submission, clock, flagged, messages, problems);
    rules.check(submission, visibility, flagged, problems);
    return owned || rules.checkedIsCopy(visibility)
        ? HandedOver.report(formKey, problems, submission)
        : new ValidationReport(formKey, problems, submission);
  }

  private void checkCodeLists(
      JsonNode submission,
      RuleChecker.Visibility visibility,
      Set<String> flagged,
      List<Problem> problems) {
    for (CodedField field : codedFields) {
      JsonNode value = submission.at(field.path());
      if (value.isTextual()
          && !field.list().contains(value.asText())
          && !flagged.contains(field.pointer())
          && !visibility.hides(field.pointer())) {
        problems.add(messages.codeList(form, field.pointer(), field.list().name()));
      }
    }
  }

  private static String pointer(com.networknt.schema.Error error) {
    String pointer = NodePaths.pointer(error.getInstanceLocation());
    String keyword = error.getKeyword();
    String property = error.getProperty();
    if (property != null
        && ("required".equals(keyword) || "additionalProperties".equals(keyword))) {
      StringBuilder withProperty = new StringBuilder(pointer).append('/');
      NodePaths.appendToken(property, withProperty);
      return withProperty.toString();
    }
    return pointer;
  }
}
