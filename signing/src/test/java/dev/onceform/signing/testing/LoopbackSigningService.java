package dev.onceform.signing.testing;

import dev.onceform.signing.spi.SignatureAlgorithm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A stand-in for a CA's remote signing API, on loopback: it holds the private key and answers
 * {@code POST /sign} (body: the digest; header {@code X-Signature-Algorithm}: a {@link
 * SignatureAlgorithm} name) with the signature value. It signs the digest as it is, with {@code
 * NONEwithRSA} over a {@code DigestInfo} or {@code NONEwithECDSA}, so it never sees what was
 * hashed.
 *
 * <p>Plain HTTP/1.1 over a {@link ServerSocket}, one connection at a time, {@code Connection:
 * close}; enough for tests, nothing else.
 */
public final class LoopbackSigningService implements AutoCloseable {

  private final PrivateKey key;
  private final int failWithStatus;
  private final ServerSocket server;
  private final Thread acceptor;
  private final List<byte[]> received = new CopyOnWriteArrayList<>();

  private LoopbackSigningService(PrivateKey key, int failWithStatus) throws IOException {
    this.key = key;
    this.failWithStatus = failWithStatus;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "loopback-signing-service");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a service that signs with {@code key}. */
  public static LoopbackSigningService start(PrivateKey key) throws IOException {
    return new LoopbackSigningService(key, 0);
  }

  /** Starts a service that answers every request with HTTP {@code status} and no signature. */
  public static LoopbackSigningService failing(PrivateKey key, int status) throws IOException {
    return new LoopbackSigningService(key, status);
  }

  /** The URI to POST digests to. */
  public URI signUri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/sign");
  }

  /** Every request body the service received, in order. */
  public List<byte[]> receivedBodies() {
    return List.copyOf(received);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    server.close();
    acceptor.join();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        handle(socket);
      } catch (SocketException closed) {
        return;
      } catch (IOException | RuntimeException e) {
        // The client sees the broken connection; the test asserts on what it got.
      }
    }
  }

  private void handle(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    Map<String, String> headers = readHeaders(in);
    byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
    received.add(body);
    OutputStream out = socket.getOutputStream();
    if (failWithStatus != 0) {
      respond(out, failWithStatus, "service unavailable".getBytes(StandardCharsets.US_ASCII));
      return;
    }
    SignatureAlgorithm algorithm =
        SignatureAlgorithm.valueOf(headers.getOrDefault("x-signature-algorithm", "RSA_SHA256"));
    try {
      respond(out, 200, signDigest(body, algorithm));
    } catch (GeneralSecurityException | IOException e) {
      respond(out, 400, e.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private byte[] signDigest(byte[] digest, SignatureAlgorithm algorithm)
      throws GeneralSecurityException, IOException {
    Signature signature;
    byte[] input;
    if (algorithm.parameterSpec().isPresent()) {
      // RSASSA-PSS over a digest: BouncyCastle's raw PSS signer takes the hash as it is.
      signature = Signature.getInstance("NONEwithRSASSA-PSS", new BouncyCastleProvider());
      signature.initSign(key);
      signature.setParameter(algorithm.parameterSpec().get());
      signature.update(digest);
      return signature.sign();
    } else if ("RSA".equals(algorithm.keyAlgorithm())) {
      signature = Signature.getInstance("NONEwithRSA");
      input = new DigestInfo(digestAlgorithm(algorithm), digest).getEncoded();
    } else {
      signature = Signature.getInstance("NONEwithECDSA");
      input = digest;
    }
    signature.initSign(key);
    signature.update(input);
    return signature.sign();
  }

  private static AlgorithmIdentifier digestAlgorithm(SignatureAlgorithm algorithm) {
    return new AlgorithmIdentifier(
        switch (algorithm.digestAlgorithm()) {
          case SHA256 -> NISTObjectIdentifiers.id_sha256;
          case SHA384 -> NISTObjectIdentifiers.id_sha384;
          case SHA512 -> NISTObjectIdentifiers.id_sha512;
        },
        DERNull.INSTANCE);
  }

  private static Map<String, String> readHeaders(InputStream in) throws IOException {
    Map<String, String> headers = new HashMap<>();
    String line = readLine(in); // request line
    while (!(line = readLine(in)).isEmpty()) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    return headers;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private static void respond(OutputStream out, int status, byte[] body) throws IOException {
    String head =
        "HTTP/1.1 "
            + status
            + (status == 200 ? " OK" : " Error")
            + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }
}
