package dev.onceform.signing.testing;

import static org.assertj.core.api.Assertions.fail;

import dev.onceform.signing.Pkcs11Config;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A throw-away SoftHSM2 token with test keys on it, made once per test JVM.
 *
 * <p>SoftHSM2 reads its configuration from {@code SOFTHSM2_CONF} when the JDK first loads its
 * library, and the JDK loads a PKCS#11 library once per process; so surefire sets {@code
 * SOFTHSM2_CONF} (see the signing pom) and this fixture writes that file and its token directory
 * before any test opens the token. The token {@value #TOKEN_LABEL} holds, each key with its
 * certificate under the same {@code CKA_ID} and label:
 *
 * <ul>
 *   <li>{@value #RSA_ALIAS}: an RSA-2048 key, its certificate and its CA's certificate;
 *   <li>{@value #EC_ALIAS}: an ECDSA P-256 key, its certificate and its CA's certificate;
 *   <li>{@value #LEAF_ONLY_ALIAS}: an RSA-2048 key and its certificate only, without the CA.
 * </ul>
 *
 * <p>A second token, {@link #pinCheckSlot()}, is never logged into with the right PIN: PKCS#11
 * login state is per process and token, so a wrong PIN is only refused by a token nobody is logged
 * into.
 *
 * <p>Tests are skipped if softhsm2-util, pkcs11-tool or the SoftHSM2 library is missing, and fail
 * instead with {@code ONCEFORM_REQUIRE_TOOLS=1}.
 */
public final class SoftHsmToken {

  /** The clock the test certificates are valid at. */
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T08:30:00Z"), ZoneOffset.UTC);

  /** The label of the token with the keys. */
  public static final String TOKEN_LABEL = "onceform-test";

  /** The user PIN of both tokens. */
  public static final String PIN = "1234";

  /** Alias of the RSA key (with CA certificate on the token). */
  public static final String RSA_ALIAS = "signer-rsa";

  /** Alias of the EC P-256 key (with CA certificate on the token). */
  public static final String EC_ALIAS = "signer-ec";

  /** Alias of the RSA key whose CA certificate is not on the token. */
  public static final String LEAF_ONLY_ALIAS = "leaf-only";

  private static final String SO_PIN = "5678";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern REASSIGNED = Pattern.compile("reassigned to slot (\\d+)");
  private static final List<Path> LIBRARIES =
      List.of(
          Path.of("/usr/lib/softhsm/libsofthsm2.so"),
          Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
          Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
          Path.of("/usr/lib64/pkcs11/libsofthsm2.so"),
          Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));

  private static @Nullable SoftHsmToken shared;

  private final Path library;
  private final long slot;
  private final long pinCheckSlot;
  private final TestPki rsa;
  private final TestPki ec;
  private final TestPki leafOnly;

  private SoftHsmToken(Path library, long slot, long pinCheckSlot, List<TestPki> pkis) {
    this.library = library;
    this.slot = slot;
    this.pinCheckSlot = pinCheckSlot;
    this.rsa = pkis.get(0);
    this.ec = pkis.get(1);
    this.leafOnly = pkis.get(2);
  }

  /**
   * Returns the token of this JVM, making it on the first call; skips (or fails) the calling test
   * if SoftHSM2 is not installed.
   */
  public static synchronized SoftHsmToken shared() throws IOException, InterruptedException {
    ExternalTool softhsm = ExternalTool.require("softhsm2-util", "install softhsm2");
    ExternalTool pkcs11Tool = ExternalTool.require("pkcs11-tool", "install opensc");
    Optional<Path> library = LIBRARIES.stream().filter(Files::isRegularFile).findFirst();
    if (library.isEmpty()) {
      ExternalTool.unavailable("libsofthsm2.so not found in " + LIBRARIES + "; install softhsm2");
    }
    String conf = System.getenv("SOFTHSM2_CONF");
    if (conf == null) {
      ExternalTool.unavailable(
          "SOFTHSM2_CONF is not set; run the test with Maven, whose surefire configuration sets it");
    }
    SoftHsmToken token = shared;
    if (token == null) {
      token = create(softhsm, pkcs11Tool, library.orElseThrow(), Path.of(conf));
      shared = token;
    }
    return token;
  }

  /** The path of the SoftHSM2 PKCS#11 library. */
  public Path library() {
    return library;
  }

  /** The slot id of the token {@value #TOKEN_LABEL}. */
  public long slot() {
    return slot;
  }

  /** The slot id of a second token with the same PIN, for wrong-PIN tests only. */
  public long pinCheckSlot() {
    return pinCheckSlot;
  }

  /** A configuration for the key under {@code alias} on {@value #TOKEN_LABEL}, with the PIN. */
  public Pkcs11Config.Builder config(String alias) {
    return Pkcs11Config.builder()
        .library(library)
        .slot(slot)
        .pin(PIN.toCharArray())
        .keyAlias(alias);
  }

  /** The PKI of {@value #RSA_ALIAS}. */
  public TestPki rsa() {
    return rsa;
  }

  /** The PKI of {@value #EC_ALIAS}. */
  public TestPki ec() {
    return ec;
  }

  /** The PKI of {@value #LEAF_ONLY_ALIAS}; its CA certificate is not on the token. */
  public TestPki leafOnly() {
    return leafOnly;
  }

  private static SoftHsmToken create(
      ExternalTool softhsm, ExternalTool pkcs11Tool, Path library, Path conf)
      throws IOException, InterruptedException {
    Path directory = Objects.requireNonNull(conf.toAbsolutePath().getParent(), "conf directory");
    Path tokens = directory.resolve("tokens");
    deleteRecursively(tokens);
    Files.createDirectories(tokens);
    Files.writeString(
        conf,
        "directories.tokendir = "
            + tokens
            + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n",
        StandardCharsets.UTF_8);
    long slot = initToken(softhsm, TOKEN_LABEL);
    long pinCheckSlot = initToken(softhsm, "onceform-pin-check");
    // Distinct CA names: the JDK builds a token's chains by matching issuer and subject names.
    TestPki rsa = pki(TestPki.KeyType.RSA_2048, "RSA");
    TestPki ec = pki(TestPki.KeyType.EC_P256, "EC");
    TestPki leafOnly = pki(TestPki.KeyType.RSA_2048, "Leaf-only");
    Importer importer = new Importer(softhsm, pkcs11Tool, library, directory);
    importer.importKey(rsa, RSA_ALIAS, "01", true);
    importer.importKey(ec, EC_ALIAS, "03", true);
    importer.importKey(leafOnly, LEAF_ONLY_ALIAS, "05", false);
    return new SoftHsmToken(library, slot, pinCheckSlot, List.of(rsa, ec, leafOnly));
  }

  private static TestPki pki(TestPki.KeyType keyType, String name) {
    return TestPki.builder()
        .clock(CLOCK)
        .keyType(keyType)
        .caSubject("CN=OnceForm Token " + name + " CA (TEST),O=OnceForm (TEST),C=VN")
        .build();
  }

  private static long initToken(ExternalTool softhsm, String label)
      throws IOException, InterruptedException {
    String output =
        check(
            softhsm.run(
                TIMEOUT,
                "--init-token",
                "--free",
                "--label",
                label,
                "--pin",
                PIN,
                "--so-pin",
                SO_PIN),
            "softhsm2-util --init-token");
    Matcher matcher = REASSIGNED.matcher(output);
    if (!matcher.find()) {
      fail("softhsm2-util --init-token did not say the token's slot:\n" + output);
    }
    return Long.parseLong(matcher.group(1));
  }

  private static String check(ExternalTool.Result result, String what) {
    if (result.exitCode() != 0) {
      fail(what + " exited with " + result.exitCode() + ":\n" + result.output());
    }
    return result.output();
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Puts keys (softhsm2-util) and certificates (pkcs11-tool) on the token. */
  private record Importer(
      ExternalTool softhsm, ExternalTool pkcs11Tool, Path library, Path directory) {

    void importKey(TestPki pki, String alias, String id, boolean withCa)
        throws IOException, InterruptedException {
      Path key = directory.resolve(alias + "-key.pem");
      Files.writeString(key, privateKeyPem(pki), StandardCharsets.US_ASCII);
      try {
        check(
            softhsm.run(
                TIMEOUT,
                "--import",
                key.toString(),
                "--token",
                TOKEN_LABEL,
                "--label",
                alias,
                "--id",
                id,
                "--pin",
                PIN),
            "softhsm2-util --import");
      } finally {
        Files.delete(key);
      }
      writeCertificate(pki.signerCertificate(), alias, id);
      if (withCa) {
        writeCertificate(pki.caCertificate(), alias + "-ca", "f" + id.substring(1));
      }
    }

    private void writeCertificate(X509Certificate certificate, String label, String id)
        throws IOException, InterruptedException {
      Path file = directory.resolve(label + ".der");
      try {
        Files.write(file, certificate.getEncoded());
      } catch (GeneralSecurityException e) {
        throw new IOException(e);
      }
      check(
          pkcs11Tool.run(
              TIMEOUT,
              "--module",
              library.toString(),
              "--token-label",
              TOKEN_LABEL,
              "--login",
              "--pin",
              PIN,
              "--write-object",
              file.toString(),
              "--type",
              "cert",
              "--id",
              id,
              "--label",
              label),
          "pkcs11-tool --write-object");
      Files.delete(file);
    }

    private PrivateKey privateKey(TestPki pki) throws IOException {
      Path p12 = directory.resolve("export.p12");
      char[] password = "export".toCharArray();
      pki.writePkcs12(p12, password);
      try (InputStream in = Files.newInputStream(p12)) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(in, password);
        return (PrivateKey) store.getKey(TestPki.PKCS12_ALIAS, password);
      } catch (GeneralSecurityException e) {
        throw new IOException(e);
      } finally {
        Files.delete(p12);
      }
    }

    private String privateKeyPem(TestPki pki) throws IOException {
      String base64 =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(privateKey(pki).getEncoded());
      return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    }
  }
}
