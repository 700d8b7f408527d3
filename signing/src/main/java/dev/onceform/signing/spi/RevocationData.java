package dev.onceform.signing.spi;

import static java.util.Objects.requireNonNull;

import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;

/**
 * Revocation data about a certificate, as a {@link RevocationSource} found it: not yet checked.
 *
 * @param crls certificate revocation lists (RFC 5280)
 * @param ocspResponses DER-encoded OCSPResponse structures (RFC 6960), each defensively copied
 */
public record RevocationData(List<X509CRL> crls, List<byte[]> ocspResponses) {

  /** No data. */
  public static final RevocationData EMPTY = new RevocationData(List.of(), List.of());

  /**
   * Checks and copies the components.
   *
   * @param crls the CRLs
   * @param ocspResponses the encoded OCSP responses
   */
  public RevocationData {
    crls = List.copyOf(crls);
    List<byte[]> copies = new ArrayList<>(ocspResponses.size());
    for (byte[] response : ocspResponses) {
      copies.add(requireNonNull(response, "ocspResponses element").clone());
    }
    ocspResponses = List.copyOf(copies);
  }

  /**
   * Returns the encoded OCSP responses, as copies.
   *
   * @return the responses
   */
  @Override
  public List<byte[]> ocspResponses() {
    List<byte[]> copies = new ArrayList<>(ocspResponses.size());
    for (byte[] response : ocspResponses) {
      copies.add(response.clone());
    }
    return List.copyOf(copies);
  }

  /**
   * Returns true if there is neither a CRL nor an OCSP response.
   *
   * @return whether this is empty
   */
  public boolean isEmpty() {
    return crls.isEmpty() && ocspResponses.isEmpty();
  }

  /**
   * Returns this data with {@code other}'s added.
   *
   * @param other more data
   * @return the union, in order
   */
  public RevocationData plus(RevocationData other) {
    List<X509CRL> allCrls = new ArrayList<>(crls);
    allCrls.addAll(other.crls);
    List<byte[]> allResponses = new ArrayList<>(ocspResponses);
    allResponses.addAll(other.ocspResponses);
    return new RevocationData(allCrls, allResponses);
  }
}
