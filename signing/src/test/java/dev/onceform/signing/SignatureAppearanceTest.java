package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.signing.testing.ExternalTool;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Visible signatures: {@link SignatureAppearance} drawn by {@link PadesSigner}. */
class SignatureAppearanceTest {

  /** The Vietnamese font of the core module, loaded by path as a caller would. */
  static final Path FONT =
      Path.of(
          "../core/src/main/resources/dev/onceform/core/internal/fonts/LiberationSerif-Regular.ttf");

  private static final Instant NOW = Instant.parse("2026-12-03T03:15:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final TestPki PKI = TestPki.builder().clock(CLOCK).build();
  private static final List<String> LINES =
      List.of("Nguyễn Thị Hồng Nhung", "Ủy ban nhân dân xã Hòa Phú", "Ký ngày 03/12/2026 10:15");

  private static SignatureAppearance.Builder appearance() {
    return SignatureAppearance.builder().page(0).rectangle(330, 60, 220, 60).font(FONT);
  }

  private static byte[] sign(SignatureAppearance appearance, byte[] pdf) {
    return PadesSigner.builder()
        .key(PKI.signerKey())
        .clock(CLOCK)
        .appearance(appearance)
        .build()
        .sign(pdf);
  }

  private static PDAnnotationWidget widget(PDDocument document) {
    return document.getSignatureFields().get(0).getWidgets().get(0);
  }

  @Test
  void sign_withAppearance_widgetHasRectangleAndAppearanceWithEmbeddedSubset() throws Exception {
    byte[] signed = sign(appearance().lines(LINES).build(), TestPdfs.onePage("Visible"));

    try (PDDocument document = Loader.loadPDF(signed)) {
      PDAnnotationWidget widget = widget(document);
      PDRectangle rectangle = widget.getRectangle();
      assertThat(
              List.of(
                  rectangle.getLowerLeftX(),
                  rectangle.getLowerLeftY(),
                  rectangle.getUpperRightX(),
                  rectangle.getUpperRightY()))
          .containsExactly(330f, 60f, 550f, 120f);
      assertThat(widget.isPrinted()).isTrue();
      assertThat(widget.getPage().getCOSObject()).isSameAs(document.getPage(0).getCOSObject());
      assertThat(document.getPage(0).getAnnotations()).hasSize(1);
      PDAppearanceStream stream =
          widget.getAppearance().getNormalAppearance().getAppearanceStream();
      assertThat(stream.getBBox().getWidth()).isEqualTo(220f);
      assertThat(stream.getBBox().getHeight()).isEqualTo(60f);
      PDFont font =
          stream.getResources().getFont(stream.getResources().getFontNames().iterator().next());
      assertThat(font.getName()).matches("[A-Z]{6}\\+LiberationSerif");
      assertThat(font.getCOSObject().getDictionaryObject(COSName.TO_UNICODE)).isNotNull();
      assertThat(font.isEmbedded()).isTrue();
    }
    assertThat(verifier().verify(signed).indication()).isEqualTo(Indication.TOTAL_PASSED);
  }

  @Test
  void sign_withAppearance_pdftotextFindsVietnameseLinesAndPdfsigValid(@TempDir Path directory)
      throws Exception {
    ExternalTool pdftotext = ExternalTool.require("pdftotext", "install poppler-utils");
    ExternalTool pdfsig = ExternalTool.require("pdfsig", "install poppler-utils");
    Path pdf =
        Files.write(
            directory.resolve("visible.pdf"),
            sign(appearance().lines(LINES).build(), TestPdfs.onePage("Visible")));
    Path text = directory.resolve("visible.txt");

    ExternalTool.Result extracted =
        pdftotext.run(TIMEOUT, "-enc", "UTF-8", pdf.toString(), text.toString());
    ExternalTool.Result signatures = pdfsig.run(TIMEOUT, pdf.toString());

    assertThat(extracted.exitCode()).isZero();
    assertThat(Files.readString(text, StandardCharsets.UTF_8).lines())
        .contains("Visible")
        .containsSubsequence(LINES);
    assertThat(signatures.output()).contains("Signature Validation: Signature is Valid.");
  }

  @Test
  void sign_defaultLines_signerNameAgencyAndVietnamTime(@TempDir Path directory) throws Exception {
    ExternalTool pdftotext = ExternalTool.require("pdftotext", "install poppler-utils");
    Path pdf =
        Files.write(
            directory.resolve("default.pdf"),
            sign(appearance().rectangle(300, 40, 280, 70).build(), TestPdfs.onePage("Default")));

    ExternalTool.Result extracted = pdftotext.run(TIMEOUT, "-enc", "UTF-8", pdf.toString(), "-");

    assertThat(extracted.output().lines())
        .containsSubsequence(
            "Ủy ban nhân dân xã Hòa Phú (TEST)",
            "Ủy ban nhân dân xã Hòa Phú",
            "Thời gian ký: 10:15:00 03/12/2026");
  }

  @Test
  void defaultLines_noOrganisation_nameAndTimeInZone() {
    TestPki person =
        TestPki.builder().clock(CLOCK).signerSubject("CN=Trần Văn Bình (TEST),C=VN").build();

    List<String> lines =
        VisibleSignature.defaultLines(
            person.signerCertificate(), NOW, java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    assertThat(lines).containsExactly("Trần Văn Bình (TEST)", "Thời gian ký: 10:15:00 03/12/2026");
  }

  @Test
  void sign_longLinesInSmallRectangle_wrapsAndShrinksInsideRectangle(@TempDir Path directory)
      throws Exception {
    ExternalTool pdftotext = ExternalTool.require("pdftotext", "install poppler-utils");
    String long1 = "Phó Chủ tịch Ủy ban nhân dân xã Hòa Phú, huyện Hòa Vang, thành phố Đà Nẵng";
    SignatureAppearance small =
        appearance().rectangle(72, 72, 120, 40).lines(List.of(long1, "Ký ngày 03/12/2026")).build();
    Path pdf = Files.write(directory.resolve("small.pdf"), sign(small, TestPdfs.onePage("Small")));

    // -bbox-layout would give coordinates; words inside the rectangle are enough here.
    ExternalTool.Result inside =
        pdftotext.run(
            TIMEOUT,
            "-enc",
            "UTF-8",
            "-x",
            "72",
            "-y",
            String.valueOf(842 - 112),
            "-W",
            "120",
            "-H",
            "40",
            pdf.toString(),
            "-");

    String words = String.join(" ", inside.output().split("\\s+")).strip();
    assertThat(words).isEqualTo(long1 + " Ký ngày 03/12/2026");
  }

  @Test
  void sign_secondPage_widgetOnThatPage() throws Exception {
    byte[] twoPages = TestPdfs.withPageAppended(TestPdfs.onePage("Two pages"));

    byte[] signed = sign(appearance().page(1).lines(LINES).build(), twoPages);

    try (PDDocument document = Loader.loadPDF(signed)) {
      assertThat(widget(document).getPage().getCOSObject())
          .isSameAs(document.getPage(1).getCOSObject());
      assertThat(document.getPage(1).getAnnotations()).hasSize(1);
      assertThat(document.getPage(0).getAnnotations()).isEmpty();
    }
  }

  @Test
  void sign_pdfWithXmpMetadata_keepsInputBytesAndMetadata() throws Exception {
    byte[] input = withPdfA3bMetadata(TestPdfs.onePage("Archive"));

    byte[] signed = sign(appearance().lines(LINES).build(), input);

    assertThat(Arrays.copyOf(signed, input.length)).isEqualTo(input);
    try (PDDocument before = Loader.loadPDF(input);
        PDDocument after = Loader.loadPDF(signed)) {
      PDMetadata metadata = after.getDocumentCatalog().getMetadata();
      assertThat(metadata.toByteArray())
          .isEqualTo(before.getDocumentCatalog().getMetadata().toByteArray());
      assertThat(new String(metadata.toByteArray(), StandardCharsets.UTF_8))
          .contains("<pdfaid:part>3</pdfaid:part>");
    }
  }

  @Test
  void sign_pageOutOfRange_throwsPageOutOfRange() throws Exception {
    byte[] pdf = TestPdfs.onePage("One page");

    assertThatThrownBy(() -> sign(appearance().page(1).build(), pdf))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-208")
        .hasMessageContaining("page index 1 but the PDF has 1 page(s)")
        .hasMessageContaining("from 0 to 0");
  }

  @Test
  void sign_rectangleOutsidePage_throwsOutsidePage() throws Exception {
    byte[] pdf = TestPdfs.onePage("A4");

    assertThatThrownBy(() -> sign(appearance().rectangle(500, 60, 200, 60).build(), pdf))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-209")
        .hasMessageContaining("[500.0 60.0 200.0 60.0]")
        .hasMessageContaining("[0.0 0.0 595.3 841.9]");
  }

  @Test
  void sign_letterMissingFromFont_throwsFont() throws Exception {
    SignatureAppearance chinese = appearance().lines(List.of("簽名")).build();
    byte[] pdf = TestPdfs.onePage("Font");

    assertThatThrownBy(() -> sign(chinese, pdf))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-210")
        .hasMessageContaining("U+7C3D");
  }

  @Test
  void sign_textTooLongForRectangle_throwsTextTooLong() throws Exception {
    SignatureAppearance tiny =
        appearance().rectangle(72, 72, 40, 10).lines(List.of("Nguyễn Thị Hồng Nhung")).build();
    byte[] pdf = TestPdfs.onePage("Tiny");

    assertThatThrownBy(() -> sign(tiny, pdf))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-211")
        .hasMessageContaining("make the rectangle larger");
  }

  @Test
  void font_notTrueType_throwsFont() {
    byte[] notAFont = "not a font".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> SignatureAppearance.builder().font(notAFont))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-210");
  }

  @Test
  void font_missingFile_throwsFont(@TempDir Path directory) {
    Path missing = directory.resolve("missing.ttf");

    assertThatThrownBy(() -> SignatureAppearance.builder().font(missing))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-210")
        .hasMessageContaining("missing.ttf");
  }

  @Test
  void builder_invalidValues_rejectedAtOnce() {
    SignatureAppearance.Builder builder = SignatureAppearance.builder();

    assertThatThrownBy(() -> builder.rectangle(0, 0, 0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but were 0.0 and 10.0");
    assertThatThrownBy(() -> builder.page(-1)).hasMessageContaining("but was -1");
    assertThatThrownBy(() -> builder.lines(List.of(" "))).hasMessageContaining("line 0 was ' '");
    assertThatThrownBy(() -> builder.rectangle(0, 0, 10, 10).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("font(Path)");
  }

  private static SignatureVerifier verifier() {
    return SignatureVerifier.builder().trustAnchor(PKI.caCertificate()).clock(CLOCK).build();
  }

  /** Adds PDF/A-3b identification (XMP metadata) in a full save, as a PDF/A producer would. */
  private static byte[] withPdfA3bMetadata(byte[] pdf) throws Exception {
    String xmp =
        "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
            + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF"
            + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">"
            + "<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>"
            + "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDMetadata metadata = new PDMetadata(document);
      try (OutputStream out = metadata.createOutputStream()) {
        out.write(xmp.getBytes(StandardCharsets.UTF_8));
      }
      document.getDocumentCatalog().setMetadata(metadata);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }
}
