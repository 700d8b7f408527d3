package dev.onceform.signing;

import dev.onceform.signing.spi.SignerKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Loads a {@link SignerKey} from a PKCS#12 file, with one clear error per way it can fail. */
final class Pkcs12KeyStore {

  private Pkcs12KeyStore() {}

  static SignerKey load(Path file, char[] password, @Nullable String alias) {
    KeyStore store = read(file, password);
    try {
      String chosen =
          alias == null ? onlyPrivateKeyAlias(store, file) : checkAlias(store, file, alias);
      Key key = store.getKey(chosen, password);
      Certificate[] chain = store.getCertificateChain(chosen);
      if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
        throw SigningException.of(
            SigningException.CERTIFICATE_CHAIN_INVALID,
            "key store '%s' has no certificate chain for alias '%s'; export the key together with"
                + " its certificate",
            file,
            chosen);
      }
      return new JcaSignerKey(
          "pkcs12:" + file.getFileName() + "#" + chosen, privateKey, toX509(chain));
    } catch (UnrecoverableKeyException e) {
      throw SigningException.of(
          e,
          SigningException.KEY_STORE_PASSWORD,
          "the key in '%s' has a password other than the store password; re-export the file with"
              + " one password",
          file);
    } catch (GeneralSecurityException e) {
      throw notPkcs12(file, e);
    }
  }

  private static KeyStore read(Path file, char[] password) {
    if (!Files.isRegularFile(file)) {
      throw SigningException.of(
          SigningException.KEY_STORE_UNREADABLE,
          "key store file '%s' does not exist; check the path",
          file.toAbsolutePath());
    }
    requireAscii(password, file);
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      try {
        store.load(in, password);
      } catch (IOException e) {
        throw loadFailure(file, e);
      }
      return store;
    } catch (IOException e) {
      throw SigningException.of(
          e,
          SigningException.KEY_STORE_UNREADABLE,
          "key store file '%s' cannot be read: %s; check its permissions",
          file.toAbsolutePath(),
          e.getMessage());
    } catch (GeneralSecurityException e) {
      throw notPkcs12(file, e);
    }
  }

  private static SigningException notPkcs12(Path file, GeneralSecurityException e) {
    return SigningException.of(
        e,
        SigningException.KEY_STORE_FORMAT,
        "key store '%s' cannot be read: %s; check that it is a PKCS#12 (.p12/.pfx) file",
        file,
        e.getMessage());
  }

  /** The JDK's PKCS#12 password-based encryption accepts ASCII passwords only. */
  private static void requireAscii(char[] password, Path file) {
    for (char c : password) {
      if (c > 0x7F) {
        throw SigningException.of(
            SigningException.KEY_STORE_PASSWORD,
            "the password for key store '%s' contains non-ASCII characters, which the JDK's"
                + " PKCS#12 support cannot use; re-export the file with an ASCII password",
            file);
      }
    }
  }

  private static SigningException loadFailure(Path file, IOException e) {
    if (e.getCause() instanceof UnrecoverableKeyException) {
      return SigningException.of(
          e,
          SigningException.KEY_STORE_PASSWORD,
          "the password for key store '%s' is wrong; pass the password the file was exported with",
          file);
    }
    return SigningException.of(
        e,
        SigningException.KEY_STORE_FORMAT,
        "'%s' is not a readable PKCS#12 key store (%s); pass a .p12/.pfx file",
        file,
        e.getMessage());
  }

  private static String onlyPrivateKeyAlias(KeyStore store, Path file)
      throws GeneralSecurityException {
    List<String> aliases = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        aliases.add(alias);
      }
    }
    if (aliases.isEmpty()) {
      throw SigningException.of(
          SigningException.NO_PRIVATE_KEY,
          "key store '%s' holds no private key, only certificates; pass the file that holds the"
              + " signer's key",
          file);
    }
    if (aliases.size() > 1) {
      Collections.sort(aliases);
      throw SigningException.of(
          SigningException.ALIAS_REQUIRED,
          "key store '%s' holds %d private keys %s; pass the alias of the one to sign with",
          file,
          aliases.size(),
          aliases);
    }
    return aliases.get(0);
  }

  private static String checkAlias(KeyStore store, Path file, String alias)
      throws GeneralSecurityException {
    if (!store.isKeyEntry(alias)) {
      List<String> aliases = Collections.list(store.aliases());
      Collections.sort(aliases);
      throw SigningException.of(
          SigningException.ALIAS_NOT_FOUND,
          "key store '%s' has no private key under alias '%s'; its aliases are %s",
          file,
          alias,
          aliases);
    }
    return alias;
  }

  private static List<X509Certificate> toX509(Certificate[] chain) {
    List<X509Certificate> certificates = new ArrayList<>(chain.length);
    for (Certificate certificate : chain) {
      if (!(certificate instanceof X509Certificate x509)) {
        throw SigningException.of(
            SigningException.CERTIFICATE_CHAIN_INVALID,
            "the certificate chain holds a %s certificate; only X.509 certificates are supported",
            certificate.getType());
      }
      certificates.add(x509);
    }
    return certificates;
  }
}
