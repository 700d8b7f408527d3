package dev.onceform.signing.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
   * Imports {@code certificate} as a trusted CA for signatures ({@code -t "CT,C,C"}).
   *
   * @return this database
   */
  public NssDatabase trust(String nickname, X509Certificate certificate)
      throws IOException, InterruptedException {
    Path pem = Files.writeString(directory.resolve(nickname + ".pem"), pem(certificate));
    ExternalTool.Result result =
        certutil.run(
            TIMEOUT, "-A", "-d", location(), "-n", nickname, "-t", "CT,C,C", "-i", pem.toString());
    assertThat(result.exitCode()).as("certutil -A: " + result.output()).isZero();
    return this;
  }

  /** Runs {@code pdfsig -nssdir sql:DIR FILE} and reads its verdict on each signature. */
  public Verdict pdfsig(Path pdf) throws IOException, InterruptedException {
    ExternalTool.Result result = pdfsig.run(TIMEOUT, "-nssdir", location(), pdf.toString());
    return Verdict.parse(result);
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
   * One signature as pdfsig describes it; an absent line is empty.
   *
   * @param commonName "Signer Certificate Common Name"
   * @param hashAlgorithm "Signing Hash Algorithm", e.g. {@code SHA-256}
   * @param type "Signature Type", e.g. {@code ETSI.CAdES.detached}
   * @param validation "Signature Validation", e.g. {@code Signature is Valid.}
   * @param certificate "Certificate Validation", e.g. {@code Certificate is Trusted.}
   * @param wholeDocument whether pdfsig printed "Total document signed"
   */
  public record Signature(
      Optional<String> commonName,
      Optional<String> hashAlgorithm,
      Optional<String> type,
      Optional<String> validation,
      Optional<String> certificate,
      boolean wholeDocument) {

    static Signature parse(String block) {
      return new Signature(
          line(block, "Signer Certificate Common Name"),
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
