package dev.onceform.core.adapters;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A throw-away PKI made at test time: a CA, a server certificate for 127.0.0.1 and a client
 * certificate, each with its PKCS#12 key store.
 */
final class TestPki {
  static final char[] PASSWORD = "changeit-test".toCharArray();

  final KeyStore trust;
  final KeyStore server;
  final KeyStore client;

  private TestPki(KeyStore trust, KeyStore server, KeyStore client) {
    this.trust = trust;
    this.server = server;
    this.client = client;
  }

  static TestPki create() throws Exception {
    KeyPair caKeys = ecKeys();
    X500Name caName = new X500Name("CN=OnceForm Test CA");
    X509Certificate ca =
        sign(
            new JcaX509v3CertificateBuilder(
                    caName, serial(), from(), until(), caName, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
            caKeys);
    KeyPair serverKeys = ecKeys();
    X509Certificate server =
        sign(
            new JcaX509v3CertificateBuilder(
                    caName,
                    serial(),
                    from(),
                    until(),
                    new X500Name("CN=registry.test"),
                    serverKeys.getPublic())
                .addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(
                        new GeneralName[] {
                          new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                          new GeneralName(GeneralName.dNSName, "localhost")
                        }))
                .addExtension(
                    Extension.extendedKeyUsage,
                    false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth)),
            caKeys);
    KeyPair clientKeys = ecKeys();
    X509Certificate client =
        sign(
            new JcaX509v3CertificateBuilder(
                    caName,
                    serial(),
                    from(),
                    until(),
                    new X500Name("CN=agency.test"),
                    clientKeys.getPublic())
                .addExtension(
                    Extension.extendedKeyUsage,
                    false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)),
            caKeys);
    KeyStore trust = empty();
    trust.setCertificateEntry("ca", ca);
    KeyStore serverStore = empty();
    serverStore.setKeyEntry(
        "server", serverKeys.getPrivate(), PASSWORD, new X509Certificate[] {server, ca});
    KeyStore clientStore = empty();
    clientStore.setKeyEntry(
        "client", clientKeys.getPrivate(), PASSWORD, new X509Certificate[] {client, ca});
    return new TestPki(trust, serverStore, clientStore);
  }

  /** The server's context: its certificate, and the CA to check client certificates. */
  SSLContext serverContext() throws Exception {
    return context(server, trust);
  }

  /** A client context with the client certificate. */
  SSLContext clientContext() throws Exception {
    return context(client, trust);
  }

  /** A client context that trusts the server but has no client certificate. */
  SSLContext clientContextWithoutCertificate() throws Exception {
    return context(null, trust);
  }

  static void save(KeyStore store, Path file) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, PASSWORD);
    }
  }

  private static SSLContext context(@Nullable KeyStore keys, KeyStore trusted) throws Exception {
    KeyManagerFactory kmf = null;
    if (keys != null) {
      kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, PASSWORD);
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }

  private static KeyStore empty() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }

  private static KeyPair ecKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
      throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
  }

  private static BigInteger serial() {
    return BigInteger.valueOf(System.nanoTime());
  }

  private static Date from() {
    return Date.from(Instant.now().minus(Duration.ofHours(1)));
  }

  private static Date until() {
    return Date.from(Instant.now().plus(Duration.ofDays(1)));
  }
}
