package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onceform.signing.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attacks on files with cross-reference streams and object streams (PDF 1.5), which PDFBox 3 writes
 * by default and OnceForm's result PDFs use: the optional content configuration of the signed
 * revision sits compressed inside an object stream, and an unsigned update switches the "Approved"
 * layer off (a shadow hide) without touching the configuration's own cross-reference entry, by
 * redefining the object stream (same object number), or by pointing the entry into a new object
 * stream. The updates are written by hand, as an attacker would, not by PDFBox.
 */
class ObjectStreamAttackTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final TestPki PKI = TestPki.builder().clock(CLOCK).build();
  private static final SignatureVerifier VERIFIER =
      SignatureVerifier.builder().trustAnchor(PKI.caCertificate()).clock(CLOCK).build();

  private static byte[] signed;
  private static Compressed configuration;

  /** An object stored in an object stream: its number, the stream's number, and its text. */
  private record Compressed(long number, long stream, List<Long> members, List<String> texts) {
    String text() {
      return texts.get(members.indexOf(number));
    }
  }

  @BeforeAll
  static void signCompressedFile() throws Exception {
    signed =
        PadesSigner.builder().key(PKI.signerKey()).clock(CLOCK).build().sign(AttackPdfs.rich());
    configuration = compressedConfiguration(signed);
  }

  @Test
  void signedFile_usesObjectStreams_andVerifies() {
    assertThat(new String(signed, StandardCharsets.ISO_8859_1)).contains("/ObjStm", "/XRef");
    assertThat(configuration.text()).contains("/ON [");
    assertThat(VERIFIER.verify(signed).indication()).isEqualTo(Indication.TOTAL_PASSED);
  }

  @Test
  void objectStreamRedefined_layerSwitchedOff_totalFailed() throws Exception {
    byte[] attacked =
        append(signed, configuration.stream(), objectStream(switchedOff(configuration)), false);

    VerificationReport report = VERIFIER.verify(attacked);

    assertContentChange(report);
    assertThat(report.signatures().get(0).reason().en())
        .contains("Object " + configuration.stream() + " (stream /ObjStm)");
    assertThat(layerOff(attacked)).as("the change takes effect").isTrue();
  }

  @Test
  void configurationMovedIntoNewObjectStream_layerSwitchedOff_totalFailed() throws Exception {
    long newStream = size(signed);
    Compressed changed = switchedOff(configuration);
    Compressed moved =
        new Compressed(
            configuration.number(),
            newStream,
            List.of(configuration.number()),
            List.of(changed.text()));

    byte[] attacked = append(signed, newStream, objectStream(moved), true);

    VerificationReport report = VERIFIER.verify(attacked);

    assertContentChange(report);
    assertThat(report.signatures().get(0).reason().en())
        .contains("Object " + configuration.number() + " (dictionary)");
    assertThat(layerOff(attacked)).as("the change takes effect").isTrue();
  }

  private static boolean layerOff(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDOptionalContentProperties layers = document.getDocumentCatalog().getOCProperties();
      return !layers.isGroupEnabled("Approval");
    }
  }

  @Test
  void objectStreamRewrittenWithTheSameObjects_strictlyReportedAsChanged() throws Exception {
    // The same objects, written again uncompressed: nothing that was signed changes, but the
    // verifier compares a signed object stream by its bytes and does not look inside, so any
    // rewrite of one is a content change. No signing tool rewrites a signed object stream.
    byte[] rewritten = append(signed, configuration.stream(), objectStream(configuration), false);

    VerificationReport report = VERIFIER.verify(rewritten);

    assertContentChange(report);
    assertThat(report.signatures().get(0).reason().key()).isEqualTo("changes.object");
    assertThat(report.signatures().get(0).reason().en()).contains("/ObjStm");
  }

  private static void assertContentChange(VerificationReport report) {
    assertThat(report.signatures()).hasSize(1);
    SignatureReport signature = report.signatures().get(0);
    assertThat(signature.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(signature.subIndication()).contains(SubIndication.FORMAT_FAILURE);
    assertThat(signature.reason().key()).startsWith("changes.");
  }

  // ---- byte surgery ----

  /**
   * The default optional content configuration of {@link AttackPdfs#rich()} ({@code /OCProperties
   * /D}, which turns the layer with "Approved" on): it stays compressed after signing.
   */
  private static Compressed compressedConfiguration(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      COSDocument cos = document.getDocument();
      for (Map.Entry<COSObjectKey, Long> entry : cos.getXrefTable().entrySet()) {
        if (entry.getValue() >= 0) {
          continue;
        }
        Compressed candidate = parse(cos, entry.getKey().getNumber(), -entry.getValue());
        if (candidate.text().contains("/ON [")) {
          return candidate;
        }
      }
    }
    throw new AssertionError("no compressed object holds the optional content's /ON array");
  }

  private static Compressed parse(COSDocument cos, long number, long stream) throws Exception {
    COSObject holder = cos.getObjectFromPool(new COSObjectKey(stream, 0));
    COSStream objects = (COSStream) holder.getObject();
    int count = objects.getInt("N");
    int first = objects.getInt("First");
    byte[] data;
    try (InputStream in = objects.createInputStream()) {
      data = in.readAllBytes();
    }
    String text = new String(data, StandardCharsets.ISO_8859_1);
    String[] header = text.substring(0, first).trim().split("\\s+");
    List<Long> members = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      members.add(Long.parseLong(header[2 * i]));
      offsets.add(Integer.parseInt(header[2 * i + 1]));
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int end = i + 1 < count ? first + offsets.get(i + 1) : text.length();
      texts.add(text.substring(first + offsets.get(i), end).trim());
    }
    return new Compressed(number, stream, members, texts);
  }

  /** The configuration with the layer switched off: "Approved" disappears (shadow hide). */
  private static Compressed switchedOff(Compressed original) {
    List<String> texts = new ArrayList<>(original.texts());
    int at = original.members().indexOf(original.number());
    texts.set(at, texts.get(at).replace("/ON [", "/OFF ["));
    return new Compressed(original.number(), original.stream(), original.members(), texts);
  }

  /** An uncompressed object stream holding {@code objects}' members. */
  private static String objectStream(Compressed objects) {
    StringBuilder header = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < objects.members().size(); i++) {
      header.append(objects.members().get(i)).append(' ').append(body.length()).append(' ');
      body.append(objects.texts().get(i)).append('\n');
    }
    String data = header + "\n" + body;
    return String.format(
        Locale.ROOT,
        "<< /Type /ObjStm /N %d /First %d /Length %d >>\nstream\n%sendstream",
        objects.members().size(),
        header.length() + 1,
        data.length(),
        data);
  }

  /**
   * Appends an update with object {@code number} (an object stream) and a cross-reference stream;
   * with {@code moveEntry}, the configuration's entry is pointed into the new stream.
   */
  private static byte[] append(byte[] pdf, long number, String objectStream, boolean moveEntry)
      throws Exception {
    long prev = startxref(pdf);
    long size = size(pdf);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(pdf);
    long offset = out.size() + 1;
    write(out, "\n" + number + " 0 obj\n" + objectStream + "\nendobj\n");
    long xrefNumber = Math.max(size, number + 1);
    long newSize = xrefNumber + 1;
    long xrefOffset = out.size();
    // Entries: the object stream (type 1), the moved object (type 2), the xref stream itself.
    ByteArrayOutputStream entries = new ByteArrayOutputStream();
    StringBuilder index = new StringBuilder();
    index.append(number).append(" 1 ");
    entry(entries, 1, offset, 0);
    if (moveEntry) {
      index.append(configuration.number()).append(" 1 ");
      entry(entries, 2, number, 0);
    }
    index.append(xrefNumber).append(" 1");
    entry(entries, 1, xrefOffset, 0);
    String root = rootReference(pdf);
    write(
        out,
        String.format(
            Locale.ROOT,
            "%d 0 obj\n<< /Type /XRef /Size %d /Root %s /Prev %d /W [1 4 2] /Index [%s]"
                + " /Length %d >>\nstream\n",
            xrefNumber,
            newSize,
            root,
            prev,
            index,
            entries.size()));
    out.write(entries.toByteArray());
    write(out, "\nendstream\nendobj\nstartxref\n" + xrefOffset + "\n%%EOF\n");
    return out.toByteArray();
  }

  private static void entry(ByteArrayOutputStream out, int type, long field2, int field3) {
    out.write(type);
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.write((int) (field2 >>> shift) & 0xFF);
    }
    out.write((field3 >>> 8) & 0xFF);
    out.write(field3 & 0xFF);
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static long startxref(byte[] pdf) {
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    int at = text.lastIndexOf("startxref");
    return Long.parseLong(text.substring(at + "startxref".length()).trim().split("\\s+")[0]);
  }

  private static long size(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getDocument().getTrailer().getLong("Size");
    }
  }

  private static String rootReference(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      COSObjectKey key = document.getDocumentCatalog().getCOSObject().getKey();
      return key.getNumber() + " " + key.getGeneration() + " R";
    }
  }
}
