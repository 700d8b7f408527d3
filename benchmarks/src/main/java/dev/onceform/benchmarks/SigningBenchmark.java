package dev.onceform.benchmarks;

import dev.onceform.core.result.PdfRenderer;
import dev.onceform.core.result.ResultData;
import dev.onceform.core.result.ResultTemplate;
import dev.onceform.core.result.ResultTemplates;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.SampleForms;
import dev.onceform.signing.Indication;
import dev.onceform.signing.PadesSigner;
import dev.onceform.signing.SignatureVerifier;
import dev.onceform.signing.VerificationReport;
import dev.onceform.signing.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing and verifying a one-page result (issue 7's performance targets), each beside its floor in
 * the same run:
 *
 * <ul>
 *   <li>{@link #sign}: {@link PadesSigner#sign} at PAdES B-B of the rendered birth certificate
 *       (Vietnamese, embedded subset fonts, PDF/A-3b, QR code, {@code result.json} attached), with
 *       an RSA-2048 or ECDSA P-256 key from {@link TestPki}. Target: ≤ 1.2 × {@link #signFloor}.
 *   <li>{@link #signFloor} (baseline): what any PAdES signer must do at least: PDFBox's incremental
 *       save with a signature dictionary, and one BouncyCastle CMS signature (signed attributes by
 *       BouncyCastle's defaults) over the same file with the same key.
 *   <li>{@link #verify}: {@link SignatureVerifier#verify} of the signed file: ByteRange, CMS,
 *       digest, signature value, chain to the trust anchor, key usage. Target: ≤ 5 ms.
 *   <li>{@link #verifyTwoSignatures}: the same file signed twice, so the first signature no longer
 *       covers the file and the change analysis compares its revision with the whole document.
 *   <li>{@link #verifyFloor} (baseline): load the signed PDF with PDFBox, parse the CMS in {@code
 *       /Contents} with BouncyCastle and compare its message-digest attribute with SHA-256 over the
 *       ByteRange.
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SigningBenchmark {
  @Param({"RSA_2048", "EC_P256"})
  public String keyType;

  private byte[] pdf;
  private byte[] signed;
  private byte[] signedTwice;
  private PadesSigner signer;
  private SignatureVerifier verifier;
  private PrivateKey privateKey;
  private X509Certificate certificate;
  private List<Certificate> chain;
  private String algorithm;
  private int reserved;

  @Setup
  public void setUp() throws Exception {
    TestPki pki =
        TestPki.builder()
            .clock(RenderBenchmark.CLOCK)
            .keyType(TestPki.KeyType.valueOf(keyType))
            .build();
    pdf = onePageResult();
    signer = PadesSigner.builder().key(pki.signerKey()).clock(RenderBenchmark.CLOCK).build();
    verifier =
        SignatureVerifier.builder()
            .trustAnchor(pki.caCertificate())
            .clock(RenderBenchmark.CLOCK)
            .build();
    signed = signer.sign(pdf);
    VerificationReport report = verifier.verify(signed);
    if (report.indication() != Indication.TOTAL_PASSED) {
      throw new IllegalStateException("the signed result does not verify: " + report);
    }
    // A second signature: the first no longer covers the file, so the change analysis runs.
    signedTwice = signer.sign(signed);
    VerificationReport twice = verifier.verify(signedTwice);
    if (twice.indication() != Indication.TOTAL_PASSED || twice.signatures().size() != 2) {
      throw new IllegalStateException("the twice-signed result does not verify: " + twice);
    }
    Path p12 = Files.createTempFile("onceform-bench", ".p12");
    try {
      char[] password = "bench".toCharArray();
      pki.writePkcs12(p12, password);
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(p12)) {
        store.load(in, password);
      }
      privateKey = (PrivateKey) store.getKey(TestPki.PKCS12_ALIAS, password);
      chain = Arrays.asList(store.getCertificateChain(TestPki.PKCS12_ALIAS));
      certificate = (X509Certificate) chain.get(0);
    } finally {
      Files.deleteIfExists(p12);
    }
    algorithm = keyType.startsWith("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    try (PDDocument document = Loader.loadPDF(signed)) {
      reserved = document.getLastSignatureDictionary().getContents(signed).length;
    }
    byte[] floor = signFloor();
    if (!digestMatches(floor)) {
      throw new IllegalStateException("the floor's signature does not match its ByteRange");
    }
    System.err.printf(
        Locale.ROOT,
        "%nsigning size: %s input %,d bytes, signed %,d bytes, floor %,d bytes%n",
        keyType,
        pdf.length,
        signed.length,
        floor.length);
  }

  static byte[] onePageResult() throws IOException {
    ResultTemplate template = ResultTemplates.builtIn("birth-certificate").orElseThrow();
    FormDefinition form = SampleForms.get("birth-registration", "1.0.0").orElseThrow();
    ResultData data =
        ResultData.builder(template, form)
            .submission(RenderBenchmark.read("birth-registration-1.0.0-valid.json"))
            .receiptNumber("H27.39-261203-000001")
            .clock(RenderBenchmark.CLOCK)
            .officerInput("registrationNumber", "125/2026")
            .officerInput("childPersonalId", "066226001234")
            .officerInput("signerName", "Lê Văn Nam")
            .build();
    return PdfRenderer.builder()
        .clock(RenderBenchmark.CLOCK)
        .build()
        .renderResult(template, form, data, RenderBenchmark.VI)
        .pdf();
  }

  @Benchmark
  public byte[] sign() {
    return signer.sign(pdf);
  }

  @Benchmark
  public byte[] signFloor() throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf);
        SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      Calendar time = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
      time.setTimeInMillis(RenderBenchmark.CLOCK.millis());
      signature.setSignDate(time);
      options.setPreferredSignatureSize(reserved); // the room PadesSigner reserves
      document.addSignature(signature, this::cms, options);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reserved + 4096);
      document.saveIncremental(out);
      return out.toByteArray();
    }
  }

  private byte[] cms(InputStream content) throws IOException {
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .build(new JcaContentSignerBuilder(algorithm).build(privateKey), certificate));
      generator.addCertificates(new JcaCertStore(chain));
      return generator
          .generate(new CMSProcessableByteArray(content.readAllBytes()), false)
          .getEncoded();
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  @Benchmark
  public VerificationReport verify() {
    return verifier.verify(signed);
  }

  @Benchmark
  public VerificationReport verifyTwoSignatures() {
    return verifier.verify(signedTwice);
  }

  @Benchmark
  public boolean verifyFloor() throws Exception {
    return digestMatches(signed);
  }

  private static boolean digestMatches(byte[] file) throws Exception {
    try (PDDocument document = Loader.loadPDF(file)) {
      PDSignature signature = document.getLastSignatureDictionary();
      // /Contents is zero-padded: read one DER object from a stream (the byte[] constructor
      // rejects the padding).
      ContentInfo info;
      try (ASN1InputStream in = new ASN1InputStream(signature.getContents(file))) {
        info = ContentInfo.getInstance(in.readObject());
      }
      CMSSignedData cms =
          new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(file)), info);
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      byte[] claimed =
          ASN1OctetString.getInstance(
                  signer
                      .getSignedAttributes()
                      .get(CMSAttributes.messageDigest)
                      .getAttrValues()
                      .getObjectAt(0))
              .getOctets();
      byte[] actual = MessageDigest.getInstance("SHA-256").digest(signature.getSignedContent(file));
      return MessageDigest.isEqual(claimed, actual);
    }
  }
}
