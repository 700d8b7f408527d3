package dev.onceform.signing.spi;

import dev.onceform.signing.SigningException;
import java.security.cert.X509Certificate;

/**
 * Asks a first source and, if it gives nothing or fails, a second; if both fail, the first failure
 * is thrown. Immutable and thread-safe.
 */
final class FallbackSource implements RevocationSource {

  private final RevocationSource first;
  private final RevocationSource second;

  FallbackSource(RevocationSource first, RevocationSource second) {
    this.first = first;
    this.second = second;
  }

  @Override
  public String id() {
    return first.id() + "," + second.id();
  }

  @Override
  public RevocationData fetch(X509Certificate certificate, X509Certificate issuer) {
    SigningException failure = null;
    try {
      RevocationData data = first.fetch(certificate, issuer);
      if (!data.isEmpty()) {
        return data;
      }
    } catch (SigningException e) {
      failure = e;
    }
    try {
      RevocationData data = second.fetch(certificate, issuer);
      if (!data.isEmpty() || failure == null) {
        return data;
      }
    } catch (SigningException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
    throw failure;
  }
}
