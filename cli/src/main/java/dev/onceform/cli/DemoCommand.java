package dev.onceform.cli;

import dev.onceform.examples.BirthRegistrationDemo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
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
          + " with a throw-away test CA, and verify the signature; then prefill birth registration"
          + " 1.0.0 and the business household form from an embedded H2 population database (JDBC)"
          + " and a loopback HTTP business registry.",
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
    spec.commandLine()
        .getOut()
        .printf(
            "Done. Open %s; check it with: pdfsig %s%n", outcome.signedPdf(), outcome.signedPdf());
    boolean ok = outcome.valid() && outcome.verification().equals("TOTAL_PASSED");
    return ok ? ExitCode.OK : ExitCode.FAILED;
  }
}
