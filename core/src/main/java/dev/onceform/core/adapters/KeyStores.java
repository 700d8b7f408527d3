package dev.onceform.core.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds a TLS context from PKCS#12 files: a client certificate and key, and trust anchors. */
final class KeyStores {
  private KeyStores() {}

  /** A PKCS#12 file and its password (an array, so it is never a pooled string). */
  @SuppressWarnings("ArrayRecordComponent") // never compared or hashed
  record Store(Path file, char[] password) {
    @Override
    public String toString() {
      return "Store[file=" + file + "]";
    }
  }

  /** Thrown with the file that failed and why; the caller adds its error code. */
  static final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Returns a TLS context with the client key (if any) and the trust anchors (if any; else the
   * JDK's default trust anchors).
   */
  static SSLContext sslContext(Optional<Store> keyStore, Optional<Store> trustStore)
      throws StoreException {
    try {
      KeyManagerFactory keys = null;
      if (keyStore.isPresent()) {
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore.get()), keyStore.get().password());
      }
      TrustManagerFactory trust = null;
      if (trustStore.isPresent()) {
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore.get()));
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          keys == null ? null : keys.getKeyManagers(),
          trust == null ? null : trust.getTrustManagers(),
          null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new StoreException("the key store or trust store is not usable: " + e.getMessage(), e);
    }
  }

  private static KeyStore load(Store store) throws StoreException {
    try (InputStream in = Files.newInputStream(store.file())) {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(in, store.password());
      return keyStore;
    } catch (IOException | GeneralSecurityException e) {
      throw new StoreException(
          store.file()
              + " cannot be read as PKCS#12 with the given password ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
  }
}
