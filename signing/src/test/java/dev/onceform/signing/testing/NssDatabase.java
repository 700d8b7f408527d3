package dev.onceform.signing.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An NSS certificate database (made with {@code certutil}, libnss3-tools) holding the trust anchors
 * that poppler's {@code pdfsig} checks signer certificates against, and a way to run {@code pdfsig}
 * with it. This is how anyone outside OnceForm checks a signed result with poppler: import the
 * agency's root CA, then read pdfsig's verdict per signature.
 */
public final class NssDatabase {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern SIGNATURE = Pattern.compile("(?m)^Signature #(\\d+):$");

  /** The trust flags {@link #trust} gives: a CA for TLS, S/MIME and code signing. */
  public static final String SIGNING_CA_TRUST = "CT,C,C";

  /** pdfsig's "Signing Time", {@code strftime("%b %d %Y %H:%M:%S")} in its local time zone. */
  private static final DateTimeFormatter SIGNING_TIME =
      DateTimeFormatter.ofPattern("MMM dd yyyy HH:mm:ss", Locale.ROOT);

  private final Path directory;
  private final ExternalTool certutil;
  private final ExternalTool pdfsig;

  private NssDatabase(Path directory, ExternalTool certutil, ExternalTool pdfsig) {
    this.directory = directory;
    this.certutil = certutil;
    this.pdfsig = pdfsig;
  }

  /**
   * Makes an empty database (no password) in {@code directory}, which must exist and be empty.
   * Skips or fails the calling test if certutil or pdfsig is missing ({@link ExternalTool}).
   */
  public static NssDatabase create(Path directory) throws IOException, InterruptedException {
    ExternalTool certutil = ExternalTool.require("certutil", "install libnss3-tools");
    ExternalTool pdfsig = ExternalTool.require("pdfsig", "install poppler-utils");
    NssDatabase database = new NssDatabase(directory, certutil, pdfsig);
    ExternalTool.Result result =
        certutil.run(TIMEOUT, "-N", "-d", database.location(), "--empty-password");
    assertThat(result.exitCode()).as("certutil -N: " + result.output()).isZero();
    return database;
  }

  /**
   * Imports {@code certificate} as a CA trusted for every use ({@code -t "CT,C,C"}); of the three
   * trust fields poppler only needs the second (S/MIME), as it checks signer certificates for the
   * NSS usage "email signer".
   *
   * @return this database
   */
  public NssDatabase trust(String nickname, X509Certificate certificate)
      throws IOException, InterruptedException {
    return add(nickname, certificate, SIGNING_CA_TRUST);
  }

  /**
   * Imports {@code certificate} with the given {@code certutil -t} trust flags (SSL, S/MIME, code
   * signing; e.g. {@code "C,,"} trusts it for TLS only).
   *
   * @return this database
   */
  public NssDatabase add(String nickname, X509Certificate certificate, String trustFlags)
      throws IOException, InterruptedException {
    Path pem = Files.writeString(directory.resolve(nickname + ".pem"), pem(certificate));
    ExternalTool.Result result =
        certutil.run(
            TIMEOUT,
            "-A",
            "-d",
            location(),
            "-n",
            nickname,
            "-t",
            trustFlags,
            "-i",
            pem.toString());
    assertThat(result.exitCode()).as("certutil -A: " + result.output()).isZero();
    return this;
  }

  /**
   * Runs {@code pdfsig [OPTIONS] -nssdir sql:DIR FILE} and reads its verdict on each signature.
   *
   * @param options pdfsig options, e.g. {@code -no-ocsp}
   */
  public Verdict pdfsig(Path pdf, String... options) throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of(options));
    arguments.addAll(List.of("-nssdir", location(), pdf.toString()));
    return Verdict.parse(pdfsig.run(TIMEOUT, arguments.toArray(String[]::new)));
  }

  private String location() {
    return "sql:" + directory;
  }

  private static String pem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What pdfsig printed: its exit code, the whole output (for assertion messages) and one entry per
   * signature, in file order.
   */
  public record Verdict(int exitCode, String output, List<Signature> signatures) {

    static Verdict parse(ExternalTool.Result result) {
      String output = result.output();
      List<Signature> signatures = new ArrayList<>();
      Matcher matcher = SIGNATURE.matcher(output);
      List<Integer> starts = new ArrayList<>();
      while (matcher.find()) {
        starts.add(matcher.start());
      }
      for (int i = 0; i < starts.size(); i++) {
        int end = i + 1 < starts.size() ? starts.get(i + 1) : output.length();
        signatures.add(Signature.parse(output.substring(starts.get(i), end)));
      }
      return new Verdict(result.exitCode(), output, List.copyOf(signatures));
    }
  }

  /**
   * One signature as pdfsig describes it; an absent line is empty. pdfsig prints no "Certificate
   * Validation" line when the signature itself is not valid.
   *
   * @param fieldName "Signature Field Name"
   * @param commonName "Signer Certificate Common Name"
   * @param signingTime "Signing Time": the CMS signing-time attribute, else (as in PAdES, which has
   *     none) the signature dictionary's {@code /M}, else the epoch; read as UTC ({@link
   *     ExternalTool} runs pdfsig with {@code TZ=UTC})
   * @param hashAlgorithm "Signing Hash Algorithm", e.g. {@code SHA-256}
   * @param type "Signature Type", e.g. {@code ETSI.CAdES.detached}
   * @param validation "Signature Validation", e.g. {@code Signature is Valid.}
   * @param certificate "Certificate Validation", e.g. {@code Certificate is Trusted.}
   * @param wholeDocument whether pdfsig printed "Total document signed"
   */
  public record Signature(
      Optional<String> fieldName,
      Optional<String> commonName,
      Optional<Instant> signingTime,
      Optional<String> hashAlgorithm,
      Optional<String> type,
      Optional<String> validation,
      Optional<String> certificate,
      boolean wholeDocument) {

    static Signature parse(String block) {
      return new Signature(
          line(block, "Signature Field Name"),
          line(block, "Signer Certificate Common Name"),
          line(block, "Signing Time")
              .map(time -> LocalDateTime.parse(time, SIGNING_TIME).toInstant(ZoneOffset.UTC)),
          line(block, "Signing Hash Algorithm"),
          line(block, "Signature Type"),
          line(block, "Signature Validation"),
          line(block, "Certificate Validation"),
          block.contains("Total document signed"));
    }

    /** True if pdfsig says both "Signature is Valid." and "Certificate is Trusted.". */
    public boolean validAndTrusted() {
      return validation.filter("Signature is Valid."::equals).isPresent()
          && certificate.filter("Certificate is Trusted."::equals).isPresent();
    }

    private static Optional<String> line(String block, String label) {
      Matcher matcher =
          Pattern.compile("(?m)^\\s*- " + Pattern.quote(label) + ": (.*)$").matcher(block);
      return matcher.find() ? Optional.of(matcher.group(1).trim()) : Optional.empty();
    }
  }
}
