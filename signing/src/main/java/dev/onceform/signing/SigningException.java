package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one unchecked exception of the signing module: signing could not be done, or a key, key store
 * or certificate file could not be used.
 *
 * <p>Each instance carries a stable {@link #code()} such as {@code OF-SIGN-102}; the codes are the
 * constants of this class and are listed in {@code docs/errors.md}. The message starts with the
 * code, says what failed on which input and what to do, in English.
 *
 * <p>A signed file that fails verification is not an exception: {@link SignatureVerifier} returns a
 * {@link VerificationReport}.
 */
public final class SigningException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The key store file does not exist or cannot be read. */
  public static final String KEY_STORE_UNREADABLE = "OF-SIGN-101";

  /** The key store password (or the key's password) is wrong. */
  public static final String KEY_STORE_PASSWORD = "OF-SIGN-102";

  /** The file is not a PKCS#12 key store, or it is damaged. */
  public static final String KEY_STORE_FORMAT = "OF-SIGN-103";

  /** The key store holds no private key entry. */
  public static final String NO_PRIVATE_KEY = "OF-SIGN-104";

  /** The requested alias does not exist or is not a private key entry. */
  public static final String ALIAS_NOT_FOUND = "OF-SIGN-105";

  /** The key store holds several private keys and no alias was given. */
  public static final String ALIAS_REQUIRED = "OF-SIGN-106";

  /** The key's certificate chain is missing, or the key does not match its certificate. */
  public static final String CERTIFICATE_CHAIN_INVALID = "OF-SIGN-107";

  /** This Java runtime has no SunPKCS11 provider (module {@code jdk.crypto.cryptoki}). */
  public static final String PKCS11_UNAVAILABLE = "OF-SIGN-110";

  /** The PKCS#11 library does not exist or cannot be loaded as a PKCS#11 module. */
  public static final String PKCS11_LIBRARY = "OF-SIGN-111";

  /** The PKCS#11 slot does not exist or holds no usable (initialised) token. */
  public static final String PKCS11_TOKEN_NOT_FOUND = "OF-SIGN-112";

  /** The token refused the PIN ({@code CKR_PIN_INCORRECT}). */
  public static final String PKCS11_PIN_INCORRECT = "OF-SIGN-113";

  /** The environment variable that should hold the token PIN is not set or empty. */
  public static final String PKCS11_PIN_MISSING = "OF-SIGN-114";

  /** Login to the token failed for another reason than a wrong PIN (PIN locked or expired). */
  public static final String PKCS11_LOGIN_FAILED = "OF-SIGN-115";

  /** The token's keys and certificates could not be read. */
  public static final String PKCS11_TOKEN_FAILED = "OF-SIGN-116";

  /** The input to sign is not a readable PDF. */
  public static final String NOT_A_PDF = "OF-SIGN-201";

  /** The PDF to sign is encrypted. */
  public static final String PDF_ENCRYPTED = "OF-SIGN-202";

  /** The PDF to sign has no pages. */
  public static final String PDF_NO_PAGES = "OF-SIGN-203";

  /** The signature did not fit into the space reserved for it in the PDF. */
  public static final String SIGNATURE_TOO_LARGE = "OF-SIGN-204";

  /** PDFBox failed while writing the signed PDF. */
  public static final String PDF_WRITE_FAILED = "OF-SIGN-205";

  /**
   * A certification signature was asked for ({@code PadesSigner.Builder.certify}) but the PDF is
   * already signed; only the first signature can certify a document.
   */
  public static final String CERTIFICATION_NOT_FIRST = "OF-SIGN-206";

  /**
   * The PDF is certified with DocMDP {@code /P 1} (no changes allowed): another signature would
   * break the certification.
   */
  public static final String DOCUMENT_CERTIFIED_NO_CHANGES = "OF-SIGN-207";

  /** The page of the visible signature does not exist in the PDF. */
  public static final String APPEARANCE_PAGE_OUT_OF_RANGE = "OF-SIGN-208";

  /** The rectangle of the visible signature is not inside its page. */
  public static final String APPEARANCE_OUTSIDE_PAGE = "OF-SIGN-209";

  /**
   * The font of the visible signature cannot be read, is not a TrueType font with a Unicode cmap,
   * or has no glyph for a character of the text.
   */
  public static final String APPEARANCE_FONT = "OF-SIGN-210";

  /**
   * The text of the visible signature does not fit into its rectangle even at the smallest size.
   */
  public static final String APPEARANCE_TEXT_TOO_LONG = "OF-SIGN-211";

  /**
   * The PDF's latest document timestamp, whose archive timestamp is being renewed, cannot be read.
   */
  public static final String DOCUMENT_TIMESTAMP_UNREADABLE = "OF-SIGN-212";

  /** The signer certificate has expired at the signing time. */
  public static final String CERTIFICATE_EXPIRED = "OF-SIGN-301";

  /** The signer certificate is not yet valid at the signing time. */
  public static final String CERTIFICATE_NOT_YET_VALID = "OF-SIGN-302";

  /** The signer certificate's key usage allows neither digitalSignature nor nonRepudiation. */
  public static final String KEY_USAGE = "OF-SIGN-303";

  /** The key's algorithm or size is not supported for PAdES signatures. */
  public static final String KEY_ALGORITHM_UNSUPPORTED = "OF-SIGN-304";

  /** The signer key failed to produce a signature. */
  public static final String SIGNER_KEY_FAILED = "OF-SIGN-305";

  /** The signature returned by the signer key does not verify with its certificate. */
  public static final String SIGNATURE_MISMATCH = "OF-SIGN-306";

  /** The CMS signature container could not be built. */
  public static final String CMS_FAILED = "OF-SIGN-307";

  /** No PEM certificate was found in the input. */
  public static final String PEM_NO_CERTIFICATE = "OF-SIGN-401";

  /** A PEM certificate or CRL block could not be decoded. */
  public static final String PEM_INVALID = "OF-SIGN-402";

  /** A PEM file could not be read. */
  public static final String PEM_UNREADABLE = "OF-SIGN-403";

  /** A certificate or CRL could not be encoded. */
  public static final String CERTIFICATE_ENCODING = "OF-SIGN-404";

  /** No PEM CRL was found in the input. */
  public static final String PEM_NO_CRL = "OF-SIGN-405";

  /** The test PKI could not be created or written. */
  public static final String TEST_PKI_FAILED = "OF-SIGN-501";

  /**
   * The JSON to sign is not I-JSON that can be canonicalised (RFC 8785): not UTF-8, malformed, a
   * duplicate member name, an unpaired surrogate, or a number a double cannot hold as written.
   */
  public static final String JSON_INVALID = "OF-SIGN-502";

  /** The chosen JWS algorithm does not fit the signer key (e.g. ES256 with an RSA or P-384 key). */
  public static final String JWS_ALGORITHM_UNSUITABLE = "OF-SIGN-503";

  /** The signer key returned an ECDSA signature that is not a DER {@code SEQUENCE {r, s}}. */
  public static final String JWS_SIGNATURE_ENCODING = "OF-SIGN-504";

  /** The time-stamping authority (TSA) could not be reached, or the exchange broke off. */
  public static final String TSA_UNREACHABLE = "OF-SIGN-601";

  /** The TSA did not answer within the configured timeout. */
  public static final String TSA_TIMEOUT = "OF-SIGN-602";

  /** The TSA answered with an HTTP status other than 200. */
  public static final String TSA_HTTP_STATUS = "OF-SIGN-603";

  /** The TSA's answer is not a readable RFC 3161 TimeStampResp, or it is too large. */
  public static final String TSA_RESPONSE_MALFORMED = "OF-SIGN-604";

  /** The TSA refused the request (PKIStatus rejection, waiting, revocation). */
  public static final String TSA_REJECTED = "OF-SIGN-605";

  /** The token does not answer this request: nonce, message imprint or policy differ. */
  public static final String TSA_RESPONSE_MISMATCH = "OF-SIGN-606";

  /** The token's signature does not verify with the TSA certificate. */
  public static final String TSA_SIGNATURE_INVALID = "OF-SIGN-607";

  /** The TSA certificate lacks the critical extended key usage id-kp-timeStamping. */
  public static final String TSA_CERTIFICATE_USAGE = "OF-SIGN-608";

  /**
   * The TSA certificate is missing from the token, does not chain to a configured trust anchor, or
   * is not valid at the token's time.
   */
  public static final String TSA_CERTIFICATE_UNTRUSTED = "OF-SIGN-609";

  /** A revocation server (OCSP responder, CRL distribution point) cannot be reached in time. */
  public static final String REVOCATION_UNREACHABLE = "OF-SIGN-701";

  /** A revocation server answered with an HTTP status other than 200. */
  public static final String REVOCATION_HTTP_STATUS = "OF-SIGN-702";

  /**
   * A revocation server's answer is not a readable OCSP response or CRL, is too large, or is an
   * OCSP response whose status is not successful.
   */
  public static final String REVOCATION_RESPONSE_MALFORMED = "OF-SIGN-703";

  /**
   * At B-LT, no valid revocation data issued at or after the signature timestamp was found for a
   * certificate of the signer's or the TSA's chain.
   */
  public static final String REVOCATION_DATA_MISSING = "OF-SIGN-704";

  /** At B-LT, the revocation data says a certificate of the chain is revoked. */
  public static final String CERTIFICATE_REVOKED = "OF-SIGN-705";

  /** The stable error code, e.g. {@code OF-SIGN-102}. */
  private final String code;

  /**
   * Creates an exception; the message is prefixed with the code.
   *
   * @param code a stable code such as {@code OF-SIGN-305}
   * @param message what failed, on which input, and what to do
   */
  public SigningException(String code, String message) {
    this(code, message, null);
  }

  /**
   * Creates an exception that keeps its cause; the message is prefixed with the code.
   *
   * @param code a stable code such as {@code OF-SIGN-305}
   * @param message what failed, on which input, and what to do
   * @param cause the underlying exception, or {@code null}
   */
  public SigningException(String code, String message, @Nullable Throwable cause) {
    super(requireNonNull(code, "code") + ": " + requireNonNull(message, "message"), cause);
    this.code = code;
  }

  /**
   * Returns the stable error code, e.g. {@code OF-SIGN-102}.
   *
   * @return the code, never {@code null}
   */
  public String code() {
    return code;
  }

  static SigningException of(String code, String format, @Nullable Object... args) {
    return new SigningException(code, String.format(Locale.ROOT, format, args));
  }

  static SigningException of(
      Throwable cause, String code, String format, @Nullable Object... args) {
    return new SigningException(code, String.format(Locale.ROOT, format, args), cause);
  }
}
