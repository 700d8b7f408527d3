package dev.onceform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onceform.examples.BirthRegistrationDemo;
import dev.onceform.examples.InMemoryPopulationRegistry;
import dev.onceform.examples.PrefillDemo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code onceform demo}: the end-to-end path on the embedded defaults. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs OnceForm end to end on embedded defaults: prefill the birth registration form from a"
          + " synthetic population registry, validate, render a Vietnamese PDF, sign it (PAdES B-B)"
          + " with a throw-away test CA, and verify the signature; issue the result (the birth"
          + " registration extract, PDF/A-3b with result.json) signed at PAdES B-LT with a"
          + " timestamp from a loopback test TSA and the test CAs' CRLs; then prefill birth registration"
          + " 1.0.0 and the business household form from an embedded H2 population database (JDBC)"
          + " and a loopback HTTP business registry, configured in a sources file the demo writes;"
          + " and run 'onceform prefill' on that file.",
      "Writes its files to the output directory and prints what it did."
    })
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out",
      description = "Directory for the files the demo writes (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("out");

  @Override
  public Integer call() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    BirthRegistrationDemo.Outcome outcome;
    try (PrintStream log = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      outcome = new BirthRegistrationDemo(out, log, Clock.systemUTC()).run();
    } finally {
      spec.commandLine().getOut().print(buffer.toString(StandardCharsets.UTF_8));
    }
    boolean sameFromCli = prefillFromCommandLine(outcome.prefill());
    spec.commandLine()
        .getOut()
        .printf(
            "Done. Open %s (the declaration, signed at B-B) and %s (the result, signed at"
                + " B-LT); check the signatures with: pdfsig %s (trust %s in an NSS database: see"
                + " README)%n",
            outcome.signedPdf(), outcome.resultPdf(), outcome.resultPdf(), outcome.caCertificate());
    boolean ok =
        outcome.valid()
            && outcome.verification().equals("TOTAL_PASSED")
            && outcome.resultVerification().equals("TOTAL_PASSED")
            && outcome.resultLevel().equals("B_LT")
            && outcome.resultQr().equals("MATCH")
            && sameFromCli;
    return ok ? ExitCode.OK : ExitCode.FAILED;
  }

  /**
   * Step 10: runs {@code onceform prefill} on the sources file step 9 wrote (the population
   * database file stays after the demo), writes its JSON output, and checks that it filled the same
   * fields as the Java API did.
   */
  private boolean prefillFromCommandLine(PrefillDemo.Outcome prefill) {
    PrintWriter console = spec.commandLine().getOut();
    String[] args = {
      "prefill",
      "--form",
      "birth-registration@1.0.0",
      "--subject",
      InMemoryPopulationRegistry.MOTHER_ID,
      "--draft",
      prefill.parentsDraft().toString(),
      "--config",
      prefill.sources().toString(),
      "--json"
    };
    console.printf(
        "10. The same prefill from the command line:%n   onceform %s%n", String.join(" ", args));
    StringWriter json = new StringWriter();
    StringWriter errors = new StringWriter();
    int code = Main.run(args, new PrintWriter(json), new PrintWriter(errors));
    if (code != ExitCode.OK) {
      console.printf("   failed (exit code %d): %s", code, errors);
      return false;
    }
    Path file = out.resolve("birth-registration-1.0.0-prefill.json");
    JsonNode result;
    try {
      result = new ObjectMapper().readTree(json.toString());
      Path temp = Files.createTempFile(out, "prefill", ".tmp");
      try {
        Files.writeString(temp, json.toString(), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    Set<String> fromCli = new TreeSet<>();
    result.path("provenance").fieldNames().forEachRemaining(fromCli::add);
    Set<String> fromApi = new TreeSet<>(prefill.birthRegistration().provenance().keySet());
    boolean same = fromCli.equals(fromApi);
    console.printf(
        "   %d fields prefilled, %d left for the citizen -> %s (%s)%n",
        fromCli.size(),
        result.path("manual").size(),
        file,
        same ? "the same fields as step 9" : "DIFFERENT fields from step 9: " + fromApi);
    return same;
  }
}
