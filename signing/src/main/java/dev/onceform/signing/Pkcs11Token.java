package dev.onceform.signing;

import dev.onceform.signing.spi.SignerKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.login.FailedLoginException;

/**
 * Opens a {@link SignerKey} on a PKCS#11 token through a fresh {@code SunPKCS11} provider instance
 * (never installed with {@code Security.addProvider}), with one clear error per way it can fail.
 */
final class Pkcs11Token {

  /** PKCS#11 return values ({@code CKR_PIN_LOCKED}) as SunPKCS11 puts them in its messages. */
  private static final Pattern RETURN_VALUE = Pattern.compile("CKR_[A-Z_]+");

  private Pkcs11Token() {}

  static SignerKey open(Pkcs11Config config) {
    char[] pin = config.resolvePin();
    try {
      Provider provider = configure(config);
      KeyStore store = login(provider, config, pin);
      return key(store, provider, config);
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  private static Provider configure(Pkcs11Config config) {
    Path library = config.library();
    if (!Files.isRegularFile(library)) {
      throw SigningException.of(
          SigningException.PKCS11_LIBRARY,
          "PKCS#11 library '%s' does not exist; install the token's driver or pass the path of its"
              + " library (SoftHSM2 on Debian: /usr/lib/softhsm/libsofthsm2.so)",
          library.toAbsolutePath());
    }
    Provider base = Security.getProvider("SunPKCS11");
    if (base == null) {
      throw SigningException.of(
          SigningException.PKCS11_UNAVAILABLE,
          "this Java runtime has no SunPKCS11 provider; run on a full JDK or add the module"
              + " jdk.crypto.cryptoki to the runtime image");
    }
    try {
      return base.configure("--" + providerConfiguration(config));
    } catch (RuntimeException e) {
      Optional<String> returnValue = returnValue(e);
      if (returnValue.isPresent() || messages(e).contains("slotListIndex")) {
        throw SigningException.of(
            e,
            SigningException.PKCS11_TOKEN_NOT_FOUND,
            "no usable token in %s (%s); list the slots with 'pkcs11-tool --module %s -L' and"
                + " pass the slot id of an initialised token",
            config.location(),
            returnValue.orElse(messages(e)),
            library);
      }
      throw SigningException.of(
          e,
          SigningException.PKCS11_LIBRARY,
          "'%s' could not be loaded as a PKCS#11 library (%s); pass the token's PKCS#11 module",
          library,
          messages(e));
    }
  }

  /** The SunPKCS11 configuration text; values are quoted, so paths may hold spaces. */
  private static String providerConfiguration(Pkcs11Config config) {
    StringBuilder text = new StringBuilder("name = OnceForm\n");
    text.append("library = ").append(quoted(config.library().toAbsolutePath().toString()));
    text.append('\n');
    config.slot().ifPresent(slot -> text.append("slot = ").append(slot).append('\n'));
    config
        .slotListIndex()
        .ifPresent(index -> text.append("slotListIndex = ").append(index).append('\n'));
    return text.toString();
  }

  private static String quoted(String value) {
    if (value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
      throw SigningException.of(
          SigningException.PKCS11_LIBRARY,
          "the PKCS#11 library path '%s' contains a quote or a line break, which SunPKCS11"
              + " cannot read; move or link the library to a plain path",
          value);
    }
    return '"' + value.replace("\\", "\\\\") + '"';
  }

  private static KeyStore login(Provider provider, Pkcs11Config config, char[] pin) {
    KeyStore store;
    try {
      store = KeyStore.getInstance("PKCS11", provider);
    } catch (GeneralSecurityException e) {
      throw SigningException.of(
          e,
          SigningException.PKCS11_TOKEN_NOT_FOUND,
          "no token present in %s (%s); insert the token or pass the slot of a present one",
          config.location(),
          e.getMessage());
    }
    try {
      store.load(null, pin);
      return store;
    } catch (IOException e) {
      throw loginFailure(config, e);
    } catch (GeneralSecurityException e) {
      throw tokenFailure(config, e);
    }
  }

  private static SigningException loginFailure(Pkcs11Config config, IOException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof UnrecoverableKeyException || cause instanceof FailedLoginException) {
        return SigningException.of(
            e,
            SigningException.PKCS11_PIN_INCORRECT,
            "the token in %s refused the PIN (CKR_PIN_INCORRECT); pass the user PIN of the token,"
                + " and mind that most tokens lock after a few wrong PINs",
            config.location());
      }
    }
    return SigningException.of(
        e,
        SigningException.PKCS11_LOGIN_FAILED,
        "login to the token in %s failed (%s); a locked or expired PIN must be reset with the"
            + " token's administration tool",
        config.location(),
        returnValue(e).orElse(messages(e)));
  }

  private static SignerKey key(KeyStore store, Provider provider, Pkcs11Config config) {
    try {
      String alias = chooseAlias(store, config);
      String id = "pkcs11:" + config.location() + "#" + alias;
      Key key = store.getKey(alias, null);
      Certificate[] tokenChain = store.getCertificateChain(alias);
      if (!(key instanceof PrivateKey privateKey) || tokenChain == null || tokenChain.length == 0) {
        throw SigningException.of(
            SigningException.CERTIFICATE_CHAIN_INVALID,
            "the token in %s has no certificate for key '%s'; store the signer certificate on"
                + " the token with the key's CKA_ID",
            config.location(),
            alias);
      }
      List<X509Certificate> chain = chain(tokenChain, config, id);
      return new Pkcs11SignerKey(new JcaSignerKey(id, privateKey, chain, provider));
    } catch (GeneralSecurityException e) {
      throw tokenFailure(config, e);
    }
  }

  private static String chooseAlias(KeyStore store, Pkcs11Config config)
      throws GeneralSecurityException {
    List<String> keyAliases = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        keyAliases.add(alias);
      }
    }
    Collections.sort(keyAliases);
    Optional<String> wanted = config.keyAlias();
    if (wanted.isPresent()) {
      if (!keyAliases.contains(wanted.get())) {
        throw SigningException.of(
            SigningException.ALIAS_NOT_FOUND,
            "the token in %s has no private key with a certificate under alias '%s'; its key"
                + " aliases are %s ('pkcs11-tool -O' lists the objects)",
            config.location(),
            wanted.get(),
            keyAliases);
      }
      return wanted.get();
    }
    if (keyAliases.isEmpty()) {
      throw SigningException.of(
          SigningException.NO_PRIVATE_KEY,
          "the token in %s holds no private key with a certificate; store the signer"
              + " certificate with the same CKA_ID as its key",
          config.location());
    }
    if (keyAliases.size() > 1) {
      throw SigningException.of(
          SigningException.ALIAS_REQUIRED,
          "the token in %s holds %d private keys %s; pass the alias of the one to sign with",
          config.location(),
          keyAliases.size(),
          keyAliases);
    }
    return keyAliases.get(0);
  }

  private static List<X509Certificate> chain(
      Certificate[] tokenChain, Pkcs11Config config, String id) {
    List<X509Certificate> fromToken = new ArrayList<>(tokenChain.length);
    for (Certificate certificate : tokenChain) {
      if (!(certificate instanceof X509Certificate x509)) {
        throw SigningException.of(
            SigningException.CERTIFICATE_CHAIN_INVALID,
            "key '%s' has a %s certificate on the token; only X.509 certificates are supported",
            id,
            certificate.getType());
      }
      fromToken.add(x509);
    }
    List<X509Certificate> given = config.certificateChain();
    if (given.isEmpty()) {
      return fromToken;
    }
    if (!given.get(0).getPublicKey().equals(fromToken.get(0).getPublicKey())) {
      throw SigningException.of(
          SigningException.CERTIFICATE_CHAIN_INVALID,
          "the given chain starts with %s, but key '%s' belongs to %s on the token; pass the"
              + " chain of the token's certificate",
          describe(given.get(0)),
          id,
          describe(fromToken.get(0)));
    }
    return given;
  }

  private static String describe(X509Certificate certificate) {
    return String.format(
        Locale.ROOT,
        "certificate '%s' (serial %x, issuer '%s')",
        certificate.getSubjectX500Principal().getName(),
        certificate.getSerialNumber(),
        certificate.getIssuerX500Principal().getName());
  }

  private static SigningException tokenFailure(Pkcs11Config config, GeneralSecurityException e) {
    return SigningException.of(
        e,
        SigningException.PKCS11_TOKEN_FAILED,
        "the keys and certificates on the token in %s cannot be read (%s); check that the token"
            + " is present and not busy",
        config.location(),
        returnValue(e).orElse(messages(e)));
  }

  /** The first PKCS#11 return value named in the cause chain, e.g. {@code CKR_PIN_LOCKED}. */
  private static Optional<String> returnValue(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null) {
        Matcher matcher = RETURN_VALUE.matcher(message);
        if (matcher.find()) {
          return Optional.of(matcher.group());
        }
      }
    }
    return Optional.empty();
  }

  /** The messages of the cause chain, joined: SunPKCS11 puts the useful one deepest. */
  private static String messages(Throwable e) {
    List<String> messages = new ArrayList<>();
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null && !message.isBlank() && !messages.contains(message)) {
        messages.add(message);
      }
    }
    return messages.isEmpty() ? e.getClass().getName() : String.join(": ", messages);
  }
}
