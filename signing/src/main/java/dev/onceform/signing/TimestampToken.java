package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * An RFC 3161 timestamp token that {@link TimestampClient} received and checked: the TSA's signed
 * statement that a digest existed at {@link #time()}.
 *
 * <p>Immutable: {@link #encoded()} returns a copy.
 */
public final class TimestampToken {

  private final byte[] encoded;
  private final Instant time;
  private final BigInteger serialNumber;
  private final String policy;
  private final DigestAlgorithm digestAlgorithm;
  private final X509Certificate tsaCertificate;

  TimestampToken(
      byte[] encoded,
      Instant time,
      BigInteger serialNumber,
      String policy,
      DigestAlgorithm digestAlgorithm,
      X509Certificate tsaCertificate) {
    this.encoded = encoded.clone();
    this.time = requireNonNull(time, "time");
    this.serialNumber = requireNonNull(serialNumber, "serialNumber");
    this.policy = requireNonNull(policy, "policy");
    this.digestAlgorithm = requireNonNull(digestAlgorithm, "digestAlgorithm");
    this.tsaCertificate = requireNonNull(tsaCertificate, "tsaCertificate");
  }

  /**
   * Returns the DER encoding of the token (a CMS ContentInfo holding a signed TSTInfo), as it goes
   * into a signature's unsigned attribute.
   *
   * @return a copy of the encoded token
   */
  public byte[] encoded() {
    return encoded.clone();
  }

  /**
   * Returns the time the TSA vouches for ({@code genTime}).
   *
   * @return the time
   */
  public Instant time() {
    return time;
  }

  /**
   * Returns the serial number the TSA gave the token.
   *
   * @return the serial number
   */
  public BigInteger serialNumber() {
    return serialNumber;
  }

  /**
   * Returns the OID of the TSA policy under which the token was issued, in dotted form.
   *
   * @return the policy OID
   */
  public String policy() {
    return policy;
  }

  /**
   * Returns the digest algorithm of the message imprint.
   *
   * @return the digest algorithm
   */
  public DigestAlgorithm digestAlgorithm() {
    return digestAlgorithm;
  }

  /**
   * Returns the certificate of the TSA that signed the token.
   *
   * @return the TSA certificate
   */
  public X509Certificate tsaCertificate() {
    return tsaCertificate;
  }

  /** Returns a one-line summary that names the TSA instead of printing the certificate. */
  @Override
  public String toString() {
    return "TimestampToken[time="
        + time
        + ", serialNumber="
        + serialNumber
        + ", policy="
        + policy
        + ", tsa="
        + tsaCertificate.getSubjectX500Principal().getName()
        + "]";
  }
}
