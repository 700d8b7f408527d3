package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes X.509 certificates ({@code -----BEGIN CERTIFICATE-----}) and CRLs ({@code
 * -----BEGIN X509 CRL-----}) in PEM form, e.g. the trust anchors for {@link SignatureVerifier} or
 * the CRLs for {@link dev.onceform.signing.spi.RevocationSource#of}.
 *
 * <pre>{@code
 * List<X509Certificate> anchors = Pem.readCertificates(Path.of("ca.pem"));
 * SignatureVerifier verifier = SignatureVerifier.builder().trustAnchors(anchors).build();
 * }</pre>
 */
public final class Pem {

  private static final Pattern CERTIFICATE_BLOCK =
      Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");

  private static final Pattern CRL_BLOCK =
      Pattern.compile("-----BEGIN X509 CRL-----([A-Za-z0-9+/=\\s]*?)-----END X509 CRL-----");

  private Pem() {}

  /**
   * Reads all certificates from a PEM file. Other PEM blocks (keys, CRLs) are ignored.
   *
   * @param file a UTF-8 or ASCII PEM file
   * @return the certificates in file order, never empty
   * @throws SigningException {@code OF-SIGN-403} if the file cannot be read, {@code OF-SIGN-401} if
   *     it holds no certificate, {@code OF-SIGN-402} if a certificate block is damaged
   */
  public static List<X509Certificate> readCertificates(Path file) {
    return parse(read(file, "certificate"), file.toString());
  }

  /**
   * Reads all CRLs ({@code -----BEGIN X509 CRL-----} blocks) from a PEM file, e.g. for {@link
   * dev.onceform.signing.spi.RevocationSource#of}. Other PEM blocks are ignored. The CRLs are
   * decoded, not checked: signers and verifiers check their issuers, signatures and times.
   *
   * @param file a UTF-8 or ASCII PEM file
   * @return the CRLs in file order, never empty
   * @throws SigningException {@code OF-SIGN-403} if the file cannot be read, {@code OF-SIGN-405} if
   *     it holds no CRL, {@code OF-SIGN-402} if a CRL block is damaged
   */
  public static List<X509CRL> readCrls(Path file) {
    String text = read(file, "CRL");
    List<X509CRL> crls = new ArrayList<>();
    Matcher matcher = CRL_BLOCK.matcher(text);
    while (matcher.find()) {
      crls.add(decodeCrl(matcher.group(1), file.toString(), crls.size() + 1));
    }
    if (crls.isEmpty()) {
      throw SigningException.of(
          SigningException.PEM_NO_CRL,
          "%s holds no '-----BEGIN X509 CRL-----' block; pass a PEM CRL file (convert DER with"
              + " 'openssl crl -inform DER -in ca.crl -out ca.crl.pem')",
          file);
    }
    return List.copyOf(crls);
  }

  /**
   * Encodes a CRL as PEM ({@code -----BEGIN X509 CRL-----}), with 64-character lines and a final
   * line break, as {@code openssl crl} reads it.
   *
   * @param crl the CRL
   * @return the PEM text
   * @throws SigningException {@code OF-SIGN-404} if the CRL cannot be encoded
   */
  public static String encode(X509CRL crl) {
    requireNonNull(crl, "crl");
    try {
      return block("X509 CRL", crl.getEncoded());
    } catch (CRLException e) {
      throw SigningException.of(
          e,
          SigningException.CERTIFICATE_ENCODING,
          "the CRL of '%s' cannot be encoded: %s",
          crl.getIssuerX500Principal().getName(),
          e.getMessage());
    }
  }

  private static String read(Path file, String what) {
    requireNonNull(file, "file");
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw SigningException.of(
          e,
          SigningException.PEM_UNREADABLE,
          "%s file '%s' cannot be read: %s; check the path",
          what,
          file.toAbsolutePath(),
          e.toString());
    }
  }

  private static String block(String label, byte[] der) {
    Base64.Encoder encoder = Base64.getMimeEncoder(64, new byte[] {'\n'});
    return "-----BEGIN "
        + label
        + "-----\n"
        + encoder.encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  /**
   * Parses all certificates from PEM text.
   *
   * @param pem text holding one or more {@code CERTIFICATE} blocks
   * @return the certificates in order, never empty
   * @throws SigningException {@code OF-SIGN-401} if the text holds no certificate, {@code
   *     OF-SIGN-402} if a certificate block is damaged
   */
  public static List<X509Certificate> parseCertificates(String pem) {
    return parse(requireNonNull(pem, "pem"), "PEM text");
  }

  /**
   * Encodes a certificate as PEM, with 64-character lines and a final line break.
   *
   * @param certificate the certificate
   * @return the PEM text
   * @throws SigningException {@code OF-SIGN-404} if the certificate cannot be encoded
   */
  public static String encode(X509Certificate certificate) {
    requireNonNull(certificate, "certificate");
    try {
      return block("CERTIFICATE", certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw SigningException.of(
          e,
          SigningException.CERTIFICATE_ENCODING,
          "certificate '%s' cannot be encoded: %s",
          certificate.getSubjectX500Principal().getName(),
          e.getMessage());
    }
  }

  private static List<X509Certificate> parse(String text, String source) {
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher matcher = CERTIFICATE_BLOCK.matcher(text);
    while (matcher.find()) {
      certificates.add(decode(matcher.group(1), source, certificates.size() + 1));
    }
    if (certificates.isEmpty()) {
      throw SigningException.of(
          SigningException.PEM_NO_CERTIFICATE,
          "%s holds no '-----BEGIN CERTIFICATE-----' block; pass a PEM certificate file (convert"
              + " DER with 'openssl x509 -inform DER -in ca.cer -out ca.pem')",
          source);
    }
    return List.copyOf(certificates);
  }

  private static X509Certificate decode(String base64, String source, int index) {
    try {
      byte[] der = Base64.getMimeDecoder().decode(base64);
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | IllegalArgumentException e) {
      throw SigningException.of(
          e,
          SigningException.PEM_INVALID,
          "certificate block %d in %s cannot be decoded: %s; replace it with an intact copy",
          index,
          source,
          e.getMessage());
    }
  }

  private static X509CRL decodeCrl(String base64, String source, int index) {
    try {
      byte[] der = Base64.getMimeDecoder().decode(base64);
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509CRL) factory.generateCRL(new ByteArrayInputStream(der));
    } catch (CertificateException | CRLException | IllegalArgumentException e) {
      throw SigningException.of(
          e,
          SigningException.PEM_INVALID,
          "CRL block %d in %s cannot be decoded: %s; replace it with an intact copy",
          index,
          source,
          e.getMessage());
    }
  }
}
