package dev.onceform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.signing.DocumentTimestampReport;
import dev.onceform.signing.Indication;
import dev.onceform.signing.JsonSignatureReport;
import dev.onceform.signing.JsonSignatureVerifier;
import dev.onceform.signing.LocalizedReason;
import dev.onceform.signing.Pem;
import dev.onceform.signing.SignatureReport;
import dev.onceform.signing.SignatureVerifier;
import dev.onceform.signing.VerificationReport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code onceform verify}: checks the signatures of a PDF, or with {@code --jws} the detached JWS
 * of a JSON file, against trusted CA certificates.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies every signature of a PDF: integrity, coverage of the whole file, the signature"
          + " timestamp (B-T) and the certificate chain to the trusted CA certificates given with"
          + " --trust; prints the level reached and the signing time, claimed and timestamped.",
      "With --jws SIG.jws, FILE is JSON (e.g. result.json) and SIG.jws its detached JWS (as"
          + " onceform sign-json writes it), verified over the JCS canonical form of FILE.",
      "Exit codes: 0 TOTAL_PASSED, 1 TOTAL_FAILED, 3 INDETERMINATE, 2 bad usage or unreadable"
          + " input."
    })
final class VerifyCommand implements Callable<Integer> {
  private static final int PDF_HEADER_WINDOW = 1024;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--trust",
      required = true,
      paramLabel = "CA.pem",
      description = "PEM file with the CA certificate(s) to trust.")
  Path trust = Path.of("");

  @Option(
      names = "--jws",
      paramLabel = "SIG.jws",
      description = "Verify this detached JWS over FILE, a JSON file, instead of a signed PDF.")
  @Nullable Path jws;

  @CommandLine.Mixin ReportOptions options = new ReportOptions();

  @Parameters(paramLabel = "FILE", description = "The signed PDF, or with --jws the signed JSON.")
  Path file = Path.of("");

  @Override
  public Integer call() throws Exception {
    InputFiles.read(trust);
    List<X509Certificate> anchors = Pem.readCertificates(trust);
    if (jws != null) {
      return verifyJson(anchors, jws);
    }
    byte[] pdf = InputFiles.read(file);
    if (!looksLikePdf(pdf)) {
      throw new UsageException(file + ": not a PDF (no %PDF- header)");
    }
    VerificationReport report =
        SignatureVerifier.builder().trustAnchors(anchors).build().verify(pdf);
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      ReportOptions.printJson(toJson(report), out);
    } else {
      print(report, out);
    }
    return exitCode(report.indication());
  }

  private int verifyJson(List<X509Certificate> anchors, Path signature) throws Exception {
    byte[] compact = InputFiles.read(signature);
    byte[] json = InputFiles.read(file);
    JsonSignatureReport report =
        JsonSignatureVerifier.builder().trustAnchors(anchors).build().verify(json, compact);
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      ReportOptions.printJson(toJson(report), out);
    } else {
      out.printf(
          "%s: %s%s — %s%n",
          file,
          report.indication(),
          report.subIndication().map(s -> "/" + s).orElse(""),
          text(report.reason()));
      out.printf(
          "  %s: JWS%s%n", signature, report.algorithm().map(a -> " " + a.name()).orElse(""));
      report
          .signerSubject()
          .ifPresent(s -> out.printf("    %s: %s%n", options.lang.pick("Người ký", "Signer"), s));
      report.claimedSigningTime().ifPresent(t -> out.printf("    %s: %s%n", claimedLabel(), t));
    }
    return exitCode(report.indication());
  }

  static ObjectNode toJson(JsonSignatureReport report) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("format", "JWS");
    root.put("indication", report.indication().name());
    report.subIndication().ifPresent(s -> root.put("subIndication", s.name()));
    reason(root, report.reason());
    report.algorithm().ifPresent(a -> root.put("algorithm", a.name()));
    report.signerSubject().ifPresent(s -> root.put("signer", s));
    report.claimedSigningTime().ifPresent(t -> root.put("signingTime", t.toString()));
    return root;
  }

  static int exitCode(Indication indication) {
    return switch (indication) {
      case TOTAL_PASSED -> ExitCode.OK;
      case INDETERMINATE -> ExitCode.INDETERMINATE;
      case TOTAL_FAILED -> ExitCode.FAILED;
    };
  }

  /**
   * A PDF starts with "%PDF-" within its first kilobyte (ISO 32000-1, 7.5.2 and implementation
   * notes).
   */
  private static boolean looksLikePdf(byte[] content) {
    String start =
        new String(
            content, 0, Math.min(content.length, PDF_HEADER_WINDOW), StandardCharsets.ISO_8859_1);
    return start.contains("%PDF-");
  }

  private void print(VerificationReport report, PrintWriter out) {
    out.printf("%s: %s — %s%n", file, report.indication(), text(report.reason()));
    for (SignatureReport signature : report.signatures()) {
      out.printf(
          "  %s: %s%s  %s%n",
          signature.fieldName(),
          signature.indication(),
          signature.subIndication().map(s -> "/" + s).orElse(""),
          signature.level());
      signature
          .signerCertificate()
          .ifPresent(
              c ->
                  out.printf(
                      "    %s: %s%n",
                      options.lang.pick("Người ký", "Signer"),
                      c.getSubjectX500Principal().getName()));
      signature.claimedSigningTime().ifPresent(t -> out.printf("    %s: %s%n", claimedLabel(), t));
      signature
          .timestampedSigningTime()
          .ifPresent(
              t ->
                  out.printf(
                      "    %s: %s%n",
                      options.lang.pick(
                          "Thời điểm ký (theo dấu thời gian)", "Signing time (timestamped)"),
                      t));
      out.printf("    %s%n", text(signature.reason()));
    }
    for (DocumentTimestampReport timestamp : report.documentTimestamps()) {
      out.printf(
          "  %s: %s%s  %s%n",
          timestamp.fieldName(),
          timestamp.indication(),
          timestamp.subIndication().map(s -> "/" + s).orElse(""),
          options.lang.pick("dấu thời gian tài liệu", "document timestamp"));
      timestamp
          .time()
          .ifPresent(t -> out.printf("    %s: %s%n", options.lang.pick("Thời điểm", "Time"), t));
      out.printf("    %s%n", text(timestamp.reason()));
    }
  }

  private String claimedLabel() {
    return options.lang.pick("Thời điểm ký (người ký khai)", "Signing time (claimed)");
  }

  private String text(LocalizedReason reason) {
    return reason.text(options.lang.locale());
  }

  static ObjectNode toJson(VerificationReport report) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("indication", report.indication().name());
    report.subIndication().ifPresent(s -> root.put("subIndication", s.name()));
    reason(root, report.reason());
    ArrayNode signatures = root.putArray("signatures");
    for (SignatureReport signature : report.signatures()) {
      ObjectNode item = signatures.addObject();
      item.put("field", signature.fieldName());
      item.put("indication", signature.indication().name());
      signature.subIndication().ifPresent(s -> item.put("subIndication", s.name()));
      item.put("level", signature.level().name());
      item.put("coversWholeDocument", signature.coversWholeDocument());
      signature
          .signerCertificate()
          .ifPresent(c -> item.put("signer", c.getSubjectX500Principal().getName()));
      signature.claimedSigningTime().ifPresent(t -> item.put("signingTime", t.toString()));
      signature
          .timestampedSigningTime()
          .ifPresent(t -> item.put("timestampedSigningTime", t.toString()));
      reason(item, signature.reason());
    }
    if (!report.documentTimestamps().isEmpty()) {
      ArrayNode timestamps = root.putArray("documentTimestamps");
      for (DocumentTimestampReport timestamp : report.documentTimestamps()) {
        ObjectNode item = timestamps.addObject();
        item.put("field", timestamp.fieldName());
        item.put("indication", timestamp.indication().name());
        timestamp.subIndication().ifPresent(s -> item.put("subIndication", s.name()));
        item.put("coversWholeDocument", timestamp.coversWholeDocument());
        timestamp
            .tsaCertificate()
            .ifPresent(c -> item.put("tsa", c.getSubjectX500Principal().getName()));
        timestamp.time().ifPresent(t -> item.put("time", t.toString()));
        reason(item, timestamp.reason());
      }
    }
    return root;
  }

  private static void reason(ObjectNode node, LocalizedReason reason) {
    node.putObject("reason")
        .put("code", reason.key())
        .put("vi", reason.vi())
        .put("en", reason.en());
  }
}
