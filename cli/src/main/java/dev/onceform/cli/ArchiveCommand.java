package dev.onceform.cli;

import dev.onceform.signing.ArchiveTimestamper;
import dev.onceform.signing.Pem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code onceform archive}: renews the archive timestamp of a signed PDF (PAdES B-LTA). */
@Command(
    name = "archive",
    mixinStandardHelpOptions = true,
    description = {
      "Renews the archive timestamp of a signed PDF (PAdES B-LTA), so that it stays verifiable"
          + " after the certificates of its time-stamping authorities expire: adds the latest"
          + " document timestamp's TSA chain and revocation data to the DSS, then a new document"
          + " timestamp from --tsa, as incremental updates. A B-LT file gets its first document"
          + " timestamp. Run it before the latest TSA certificate expires. OUT.pdf is written"
          + " completely or not at all.",
      "Exit codes: 0 renewed, 2 bad usage, unreadable input, or a TSA or revocation data that"
          + " cannot be used."
    })
final class ArchiveCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--tsa",
      required = true,
      paramLabel = "URL",
      description = "The RFC 3161 time-stamping authority (http or https) of the new timestamp.")
  String tsa = "";

  @Option(
      names = "--tsa-trust",
      required = true,
      paramLabel = "TSA-CA.pem",
      description = "PEM file with the CA certificate(s) the new TSA's certificate must chain to.")
  Path tsaTrust = Path.of("");

  @Option(
      names = "--crl",
      paramLabel = "CRL.pem",
      description =
          "Repeatable: PEM file(s) with the CRLs of the CAs of the latest document timestamp's"
              + " TSA; then only these are used, offline. Without --crl, the OCSP responders and"
              + " CRL URLs named in the certificates are asked.")
  List<Path> crls = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT.pdf",
      description = "The PDF to write (replaced if it exists).")
  Path output = Path.of("");

  @Parameters(paramLabel = "IN.pdf", description = "The signed PDF.")
  Path input = Path.of("");

  @Override
  public Integer call() {
    byte[] pdf = InputFiles.read(input);
    InputFiles.read(tsaTrust);
    ArchiveTimestamper archive =
        ArchiveTimestamper.builder()
            .timestampClient(Timestamping.client(tsa, Pem.readCertificates(tsaTrust)))
            .revocationSource(Timestamping.revocationSource(crls))
            .build();
    byte[] renewed = archive.renew(pdf);
    new OutputFiles().add(output, renewed).write();
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "%s: archive timestamp renewed (%,d bytes, %,d added)%n",
            output,
            renewed.length,
            renewed.length - pdf.length);
    return ExitCode.OK;
  }
}
