/**
 * OnceForm signing: PAdES signatures on PDF, JWS signatures on JSON (detached, over the JCS
 * canonical form), and their verification. Knows nothing of forms.
 *
 * <p>Exports the API ({@code dev.onceform.signing}), the signer-key extension point ({@code
 * dev.onceform.signing.spi}) and a throw-away test PKI and time-stamping authority for tests and
 * demos ({@code dev.onceform.signing.testing}, which needs {@code jdk.httpserver}). BouncyCastle,
 * PDFBox and Jackson are implementation details: none of their types appear in the exported
 * packages.
 */
module dev.onceform.signing {
  requires static org.jspecify;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.util;
  requires org.apache.pdfbox;
  requires java.net.http;
  requires jdk.httpserver;
  requires com.fasterxml.jackson.core;

  exports dev.onceform.signing;
  exports dev.onceform.signing.spi;
  exports dev.onceform.signing.testing;
}
