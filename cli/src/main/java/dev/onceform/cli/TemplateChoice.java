package dev.onceform.cli;

import dev.onceform.core.result.FieldSource;
import dev.onceform.core.result.ResultData;
import dev.onceform.core.result.ResultTemplate;
import dev.onceform.core.result.ResultTemplates;
import dev.onceform.schema.FormDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The checks {@code onceform render} makes on a result template and what goes with it, each failing
 * with one line that says what to give instead.
 */
final class TemplateChoice {
  private TemplateChoice() {}

  /**
   * Returns the template named by {@code --template}: a file if one exists at that path, else a
   * built-in template; it must be a template of {@code form}.
   */
  static ResultTemplate resolve(String name, FormDefinition form) {
    Path file = Path.of(name);
    ResultTemplate template;
    if (Files.exists(file)) {
      InputFiles.read(file);
      template = ResultTemplates.load(file);
    } else {
      template =
          ResultTemplates.builtIn(name)
              .orElseThrow(
                  () ->
                      new UsageException(
                          "template '"
                              + name
                              + "' is neither a file nor a built-in template (built-in: "
                              + String.join(", ", ResultTemplates.builtInIds())
                              + ")"));
    }
    if (!template.form().equals(form.id())) {
      List<String> fitting =
          ResultTemplates.builtInIds().stream()
              .filter(id -> ResultTemplates.builtIn(id).orElseThrow().form().equals(form.id()))
              .toList();
      throw new UsageException(
          "template "
              + template.id()
              + " is for form '"
              + template.form()
              + "', not '"
              + form.id()
              + "'; "
              + (fitting.isEmpty()
                  ? "give a template whose \"form\" is '" + form.id() + "'"
                  : "the built-in template of " + form.id() + " is " + String.join(", ", fitting)));
    }
    return template;
  }

  /**
   * Checks the {@code --officer} values against the template's officer inputs: every required one
   * given and not blank, none the template does not have.
   */
  static void checkOfficerInputs(ResultTemplate template, Map<String, String> given) {
    List<String> missing = new ArrayList<>();
    List<String> missingNames = new ArrayList<>();
    List<String> declared = new ArrayList<>();
    TreeSet<String> unknown = new TreeSet<>(given.keySet());
    for (ResultTemplate.ResultField field : template.officerInputs()) {
      String name = ((FieldSource.Officer) field.source()).name();
      String described = name + " (" + field.label().vi() + ")";
      declared.add(field.optional() ? name + " (" + field.label().vi() + ", optional)" : described);
      unknown.remove(name);
      String value = given.get(name);
      if (!field.optional() && (value == null || value.isBlank())) {
        missing.add(described);
        missingNames.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new UsageException(
          "template "
              + template.id()
              + " needs the officer input"
              + (missing.size() == 1 ? " " : "s ")
              + String.join(", ", missing)
              + "; give each as --officer name=value, e.g. --officer "
              + missingNames.get(0)
              + "=...");
    }
    if (!unknown.isEmpty()) {
      throw new UsageException(
          "template "
              + template.id()
              + " has no officer input "
              + String.join(", ", unknown)
              + "; its officer inputs are "
              + String.join(", ", declared));
    }
  }

  /**
   * Reads a {@code result.json} and checks that it was made with the template and form given on the
   * command line.
   */
  static ResultData readResult(
      byte[] json, Path file, ResultTemplate template, FormDefinition form) {
    ResultData result = ResultData.parse(json);
    Optional<String> wrong = Optional.empty();
    if (!result.templateId().equals(template.id())
        || !result.templateVersion().equals(template.version())) {
      wrong =
          Optional.of(
              "was made with template "
                  + result.templateId()
                  + " "
                  + result.templateVersion()
                  + ", not "
                  + template.id()
                  + " "
                  + template.version()
                  + "; give that template with --template");
    } else if (!result.formId().equals(form.id()) || !result.formVersion().equals(form.version())) {
      wrong =
          Optional.of(
              "is a result of form "
                  + result.formId()
                  + "@"
                  + result.formVersion()
                  + ", not "
                  + form
                  + "; give --form "
                  + result.formId()
                  + "@"
                  + result.formVersion());
    }
    if (wrong.isPresent()) {
      throw new UsageException(file + ": " + wrong.get());
    }
    return result;
  }
}
