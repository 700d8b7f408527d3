package dev.onceform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.FormEngine;
import dev.onceform.core.Purpose;
import dev.onceform.core.Subject;
import dev.onceform.core.Submissions;
import dev.onceform.core.adapters.RegistryAdapters;
import dev.onceform.core.adapters.RegistryConfig;
import dev.onceform.core.prefill.ManualField;
import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.prefill.Provenance;
import dev.onceform.schema.FieldDefinition;
import dev.onceform.schema.FormDefinition;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code onceform prefill}: prefills a form for one person from the registries configured in a
 * sources file, and prints the document, where each value came from and which fields are left to
 * the applicant. The personal ID is never echoed in messages.
 */
@Command(
    name = "prefill",
    mixinStandardHelpOptions = true,
    description =
        "Prefills a form for a person from the registries in a sources configuration file and"
            + " prints the document, the provenance of each value and the fields left MANUAL.")
final class PrefillCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--form",
      required = true,
      paramLabel = "FORM",
      description =
          "A form file (JSON), or the id of a bundled form (its latest version), e.g."
              + " marital-status-confirmation, or id@version.")
  String form = "";

  @Option(
      names = "--subject",
      required = true,
      paramLabel = "ID",
      description = "The personal ID (12 digits) of the person the form is for.")
  String subject = "";

  @Option(
      names = "--config",
      required = true,
      paramLabel = "SOURCES.json",
      description = "The sources configuration: adapters and policies (see docs/prefill.md).")
  Path config = Path.of("");

  @Option(
      names = "--purpose",
      paramLabel = "CODE",
      description = "The purpose sent to the registries (default: the form's id).")
  String purpose = "";

  @Option(
      names = "--draft",
      paramLabel = "DRAFT.json",
      description =
          "A partly filled document to start from, e.g. with the ID numbers of other people the"
              + " form refers to (the mother's, the father's), so that their data is prefilled too.")
  @Nullable Path draft;

  @CommandLine.Mixin ReportOptions options = new ReportOptions();

  @Override
  public Integer call() throws Exception {
    FormDefinition definition = ValidateCommand.loadForm(form);
    Subject person = subject();
    Purpose why = Purpose.of(purpose.isBlank() ? definition.id() : purpose);
    if (!Files.exists(config)) {
      throw new UsageException(config + ": file not found");
    }
    RegistryConfig sources = RegistryAdapters.load(config);
    FormEngine engine;
    try {
      engine = sources.applyTo(FormEngine.builder().form(definition)).build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(config + ": " + e.getMessage());
    }
    JsonNode start =
        draft == null
            ? JsonNodeFactory.instance.objectNode()
            : Submissions.parse(new ByteArrayInputStream(InputFiles.read(draft)), draft.toString());
    if (!start.isObject()) {
      throw new UsageException(draft + ": a draft must be a JSON object");
    }
    PrefillResult result = engine.prefill(definition.toString(), person, why, start);
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      ReportOptions.printJson(toJson(result, definition), out);
    } else {
      print(result, definition, out);
    }
    return ExitCode.OK;
  }

  private Subject subject() {
    try {
      return Subject.person(subject);
    } catch (IllegalArgumentException e) {
      // Never echo the value: it may be a real personal ID with a typo.
      throw new UsageException(
          "--subject must be a personal ID of 12 digits, but has "
              + subject.length()
              + " characters");
    }
  }

  private void print(PrefillResult result, FormDefinition definition, PrintWriter out)
      throws Exception {
    Language lang = options.lang;
    Locale locale = lang.locale();
    out.printf(
        "%s: %s (%s %s)%n",
        result.formId(),
        lang.pick("đã điền sẵn", "prefilled"),
        lang.pick("mã tương quan", "correlation id"),
        result.correlationId());
    out.println(
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result.data()));
    out.println();
    out.printf("%s (%d):%n", lang.pick("Nguồn dữ liệu", "Provenance"), result.provenance().size());
    for (Map.Entry<String, Provenance> entry : new TreeMap<>(result.provenance()).entrySet()) {
      Provenance p = entry.getValue();
      StringBuilder line =
          new StringBuilder()
              .append("  ")
              .append(entry.getKey())
              .append("  ")
              .append(label(definition, entry.getKey(), locale))
              .append("  ")
              .append(p.source())
              .append('.')
              .append(p.attribute());
      p.recordReference()
          .ifPresent(r -> line.append("  ").append(lang.pick("hồ sơ ", "record ")).append(r));
      line.append("  ").append(lang.pick("bộ kết nối ", "adapter ")).append(p.adapter());
      p.convertedFrom()
          .ifPresent(
              c ->
                  line.append("  ")
                      .append(lang.pick("chuyển đổi từ ", "converted from "))
                      .append(c));
      out.println(line);
    }
    out.println();
    out.printf(
        "%s (%d):%n",
        lang.pick("Trường nhập tay", "Fields to fill in manually"), result.manual().size());
    for (ManualField field : result.manual()) {
      StringBuilder line =
          new StringBuilder()
              .append("  ")
              .append(field.pointer())
              .append("  ")
              .append(label(definition, field.pointer(), locale))
              .append("  ")
              .append(field.reason());
      if (!field.detail().isBlank()) {
        line.append("  ").append(field.detail());
      }
      if (!field.candidates().isEmpty()) {
        line.append("  ")
            .append(lang.pick("ứng viên: ", "candidates: "))
            .append(String.join(", ", field.candidates()));
      }
      out.println(line);
    }
  }

  private static String label(FormDefinition definition, String pointer, Locale locale) {
    return definition.field(pointer).map(f -> f.label().in(locale)).orElse("");
  }

  static ObjectNode toJson(PrefillResult result, FormDefinition definition) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("form", result.formId());
    root.put("correlationId", result.correlationId());
    root.set("data", result.data());
    ObjectNode provenance = root.putObject("provenance");
    for (Map.Entry<String, Provenance> entry : new TreeMap<>(result.provenance()).entrySet()) {
      Provenance p = entry.getValue();
      ObjectNode item = provenance.putObject(entry.getKey());
      item.put("source", p.source());
      item.put("attribute", p.attribute());
      put(item, "recordReference", p.recordReference());
      item.put("retrievedAt", p.retrievedAt().toString());
      item.put("adapter", p.adapter());
      put(item, "convertedFrom", p.convertedFrom());
    }
    ArrayNode manual = root.putArray("manual");
    for (ManualField field : result.manual()) {
      ObjectNode item = manual.addObject();
      item.put("pointer", field.pointer());
      Optional<FieldDefinition> def = definition.field(field.pointer());
      def.ifPresent(
          f ->
              item.putObject("label")
                  .put("vi", f.label().in(Locale.forLanguageTag("vi")))
                  .put("en", f.label().in(Locale.ENGLISH)));
      item.put("reason", field.reason().name());
      item.put("detail", field.detail());
      ArrayNode candidates = item.putArray("candidates");
      field.candidates().forEach(candidates::add);
    }
    return root;
  }

  private static void put(ObjectNode node, String name, Optional<String> value) {
    if (value.isPresent()) {
      node.put(name, value.get());
    } else {
      node.putNull(name);
    }
  }
}
