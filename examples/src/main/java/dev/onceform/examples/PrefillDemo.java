package dev.onceform.examples;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.FormEngine;
import dev.onceform.core.Purpose;
import dev.onceform.core.Subject;
import dev.onceform.core.adapters.RegistryAdapters;
import dev.onceform.core.adapters.RegistryConfig;
import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.prefill.Provenance;
import dev.onceform.core.spi.RegistryAdapter;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.SampleForms;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prefill from registries reached the way production reaches them: the birth registration form
 * (1.0.0) from an SQL population database ({@link SyntheticPopulation}, H2, through {@link
 * dev.onceform.core.adapters.JdbcRegistryAdapter}), and the business household form from the same
 * database plus an HTTP business registry ({@link LoopbackEnterpriseRegistry}, through {@link
 * dev.onceform.core.adapters.HttpJsonRegistryAdapter}).
 *
 * <p>It prints, per form, how many fields were filled, which were left for the citizen and why, and
 * which pre-2025 commune codes were converted (codes only). The drafts are written to the output
 * directory; they hold only synthetic people.
 *
 * <p>The engine is built from a sources configuration file the demo writes ({@code sources.json}),
 * the file an agency would write for {@code onceform prefill --config}. Registry calls have real
 * deadlines, so the engine and the adapters run on the system clock.
 */
public final class PrefillDemo {
  private final Path out;
  private final PrintStream log;

  /**
   * Creates the demo.
   *
   * @param out the directory for the drafts (created if missing)
   * @param log where the demo says what it does
   */
  public PrefillDemo(Path out, PrintStream log) {
    this.out = requireNonNull(out, "out");
    this.log = requireNonNull(log, "log");
  }

  /** Runs the demo in {@code ./out} (or the directory given). */
  public static void main(String[] args) {
    Path out = Path.of(args.length > 0 ? args[0] : "out");
    try (SyntheticPopulation population = SyntheticPopulation.create();
        LoopbackEnterpriseRegistry enterprises = LoopbackEnterpriseRegistry.start()) {
      new PrefillDemo(out, System.out).run(population, enterprises);
    }
  }

  /**
   * What the two prefills produced.
   *
   * @param birthRegistration the prefill of birth registration 1.0.0 for the demo's mother
   * @param businessHousehold the prefill of the business household form for the demo's applicant
   * @param businessHouseholdDraft the file with the business household draft
   * @param sources the sources configuration file the demo wrote and built its engine from: the
   *     population database and the business registry, for {@code onceform prefill --config}
   * @param parentsDraft a draft of birth registration with only the parents' ID numbers typed, for
   *     {@code onceform prefill --draft}
   */
  public record Outcome(
      PrefillResult birthRegistration,
      PrefillResult businessHousehold,
      Path businessHouseholdDraft,
      Path sources,
      Path parentsDraft) {}

  /**
   * Prefills both forms. The demo writes a sources configuration file for the two registries
   * ({@code sources.json} in the output directory) and builds its engine from that file with {@link
   * RegistryAdapters#load(Path)}, as {@code onceform prefill --config} does.
   *
   * @param population the population database (source {@code population})
   * @param enterprises the business registry; asked as source {@code tax}, which the business
   *     household form binds the owner's tax code to
   */
  public Outcome run(SyntheticPopulation population, LoopbackEnterpriseRegistry enterprises) {
    createDirectories(out);
    FormDefinition birth = SampleForms.get("birth-registration", "1.0.0").orElseThrow();
    FormDefinition household =
        SampleForms.get("business-household-registration", "1.0.0").orElseThrow();
    ObjectNode sources = JsonNodeFactory.instance.objectNode();
    sources
        .putArray("adapters")
        .add(population.adapterConfig())
        .add(enterprises.adapterConfig("tax"));
    // Generous: the first call of a fresh JVM (onceform prefill) opens the database file.
    sources.putObject("defaultPolicy").put("timeout", "PT5S");
    sources.put("prefillTimeout", "PT5S");
    Path sourcesFile = write("sources.json", sources);
    RegistryConfig config = RegistryAdapters.load(sourcesFile);
    try {
      return run(
          config.applyTo(FormEngine.builder().form(birth).form(household)).build(),
          birth,
          household,
          population,
          enterprises,
          sourcesFile);
    } finally {
      close(config);
    }
  }

  private Outcome run(
      FormEngine engine,
      FormDefinition birth,
      FormDefinition household,
      SyntheticPopulation population,
      LoopbackEnterpriseRegistry enterprises,
      Path sourcesFile) {
    log.printf(
        "9. Prefill over JDBC from the H2 population database (%,d synthetic citizens) and over"
            + " HTTP from the business registry at %s, configured in %s%n",
        population.citizens(), enterprises.baseUri(), sourcesFile);

    ObjectNode birthDraft = JsonNodeFactory.instance.objectNode();
    birthDraft.putObject("mother").put("personalId", InMemoryPopulationRegistry.MOTHER_ID);
    birthDraft.putObject("father").put("personalId", InMemoryPopulationRegistry.FATHER_ID);
    PrefillResult birthResult =
        engine.prefill(
            birth.id(),
            Subject.person(InMemoryPopulationRegistry.MOTHER_ID),
            Purpose.of("birth-registration"),
            birthDraft);
    report(birthResult);
    write("birth-registration-1.0.0-draft.json", birthResult.data());
    Path parentsDraft = write("birth-registration-1.0.0-parents.json", birthDraft);

    PrefillResult householdResult =
        engine.prefill(
            household.id(),
            Subject.person(SyntheticPopulation.APPLICANT_ID),
            Purpose.of("business-household"),
            JsonNodeFactory.instance.objectNode());
    report(householdResult);
    Path householdFile =
        write("business-household-registration-draft.json", householdResult.data());
    log.printf("   Drafts written to %s%n", out);
    return new Outcome(birthResult, householdResult, householdFile, sourcesFile, parentsDraft);
  }

  /** Stops the adapters the configuration made (the JDBC adapter's threads). */
  private static void close(RegistryConfig config) {
    for (RegistryAdapter adapter : config.adapters()) {
      if (adapter instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          // Nothing is left to do for a demo adapter that fails to stop.
        }
      }
    }
  }

  /** Prints counts, manual fields and conversions: field names, reasons and codes, no values. */
  private void report(PrefillResult result) {
    log.printf(
        "   %s: %d fields prefilled, %d left for the citizen%n",
        result.formId(), result.provenance().size(), result.manual().size());
    Map<String, String> bySource = new TreeMap<>();
    Map<String, Provenance> provenance = new TreeMap<>(result.provenance());
    provenance.forEach(
        (pointer, p) -> bySource.merge(p.adapter(), pointer, (a, b) -> a + ", " + b));
    bySource.forEach((adapter, pointers) -> log.printf("     from %s: %s%n", adapter, pointers));
    provenance.forEach(
        (pointer, p) ->
            p.convertedFrom()
                .ifPresent(
                    old ->
                        log.printf(
                            "     %s: pre-2025 commune %s converted to %s%n",
                            pointer, old, result.data().at(pointer).asText())));
    result
        .manual()
        .forEach(
            m ->
                log.printf(
                    "     manual %s: %s%s%n",
                    m.pointer(), m.reason(), m.candidates().isEmpty() ? "" : " " + m.candidates()));
  }

  /** Writes a file completely or not at all (temporary file, then an atomic rename). */
  private Path write(String name, JsonNode node) {
    Path target = out.resolve(name);
    try {
      byte[] content = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
      Path temp = Files.createTempFile(out, name, ".tmp");
      try {
        Files.write(temp, content);
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }
}
