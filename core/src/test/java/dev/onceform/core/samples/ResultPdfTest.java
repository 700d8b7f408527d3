package dev.onceform.core.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.result.PdfRenderer;
import dev.onceform.core.result.QrVerification;
import dev.onceform.core.result.ResultData;
import dev.onceform.core.result.ResultDocument;
import dev.onceform.core.result.ResultDocuments;
import dev.onceform.core.result.ResultTemplate;
import dev.onceform.core.result.ResultTemplates;
import dev.onceform.core.testing.PageBounds;
import dev.onceform.core.testing.PdfA;
import dev.onceform.core.testing.SampleResults;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.OnceFormException;
import dev.onceform.schema.SampleForms;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The layout of a rendered result: heading, fields, tables, signature, QR, long values. */
class ResultPdfTest {
  private static final Locale VI = Locale.forLanguageTag("vi");
  private static final PdfRenderer RENDERER =
      PdfRenderer.builder().clock(SampleResults.CLOCK).build();

  private static FormDefinition form(String id) {
    return SampleForms.get(id, "1.0.0").orElseThrow();
  }

  private static JsonNode sample(String formId, String name) {
    return SampleSubmissions.read(
        SampleSubmissions.samplesDir().resolve(formId).resolve("1.0.0").resolve(name + ".json"));
  }

  private static ResultDocument render(FormDefinition form, JsonNode submission, Locale locale) {
    ResultData data = SampleResults.of(form, submission);
    return RENDERER.renderResult(SampleResults.templateOf(form), form, data, locale);
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static int pages(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    }
  }

  @Test
  void birthCertificate_vi_showsHeadingFieldsSignatureAndFooter() throws Exception {
    FormDefinition form = form("birth-registration");
    ResultDocument result = render(form, sample("birth-registration", "valid-both-parents"), VI);

    String text = text(result.pdf());
    assertThat(pages(result.pdf())).isEqualTo(1);
    assertThat(text)
        .contains("ỦY BAN NHÂN DÂN XÃ HÒA PHÚ")
        .contains("Số: 125/2026")
        .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .contains("Độc lập - Tự do - Hạnh phúc")
        .contains("Ngày 03 tháng 12 năm 2026")
        .contains("TRÍCH LỤC KHAI SINH")
        .contains("Mã hồ sơ: H27.39-261203-000125")
        .contains("Thông tin người được đăng ký khai sinh")
        .contains("Họ, chữ đệm, tên: Trần Gia Huy")
        .contains("Ngày, tháng, năm sinh: 05/10/2026")
        .contains("Giới tính: Nam")
        .contains("Số định danh cá nhân: 066226001234")
        .contains("Quan hệ với người được đăng ký khai sinh: Mẹ")
        .contains("NGƯỜI KÝ TRÍCH LỤC")
        .contains("Lê Văn Nam")
        .contains("Quyển số: 01/2026")
        .contains("Trang 1/1");
  }

  @Test
  void birthCertificate_embedsResultJson_andItsQrCodeMatches() {
    FormDefinition form = form("birth-registration");
    ResultDocument result = render(form, sample("birth-registration", "valid-both-parents"), VI);

    assertThat(ResultDocuments.extract(result.pdf()).fileName()).isEqualTo("result.json");
    assertThat(ResultDocuments.extract(result.pdf()).json())
        .isEqualTo(new String(result.json(), StandardCharsets.UTF_8));
    QrVerification qr = ResultDocuments.verifyQr(result.pdf());
    assertThat(qr.status()).isEqualTo(QrVerification.Status.MATCH);
    assertThat(qr.receiptNumber()).contains("H27.39-261203-000125");
    assertThat(ResultData.parse(result.json())).isEqualTo(result.data());
  }

  @Test
  void birthCertificate_en_translatesHeadingAndLabels() throws Exception {
    FormDefinition form = form("birth-registration");
    ResultDocument result =
        render(form, sample("birth-registration", "valid-both-parents"), Locale.ENGLISH);

    assertThat(text(result.pdf()))
        .contains("SOCIALIST REPUBLIC OF VIET NAM")
        .contains("Independence - Freedom - Happiness")
        .contains("Issued on 3 December 2026")
        .contains("BIRTH REGISTRATION EXTRACT")
        .contains("No.: 125/2026")
        .contains("Date of birth: 5 October 2026")
        .contains("Sex: Male")
        .contains("Page 1/1");
    assertThat(PdfA.failuresOf3b(result.pdf())).isEmpty();
  }

  @Test
  void optionalOfficerInputLeftOut_hasNoLine() throws Exception {
    FormDefinition form = form("birth-registration");
    ResultTemplate template = SampleResults.templateOf(form);
    ResultData data =
        ResultData.builder(template, form)
            .submission(sample("birth-registration", "valid-both-parents"))
            .receiptNumber("H27.39-261203-000001")
            .clock(SampleResults.CLOCK)
            .officerInput("registrationNumber", "7/2026")
            .officerInput("childPersonalId", "066226001234")
            .officerInput("signerName", "Lê Văn Nam")
            .build();

    String text = text(RENDERER.renderResult(template, form, data, VI).pdf());

    assertThat(text).contains("Số: 7/2026").doesNotContain("Quyển số");
  }

  @Test
  void sameInputsAndClock_identicalBytes() {
    FormDefinition form = form("birth-registration");
    JsonNode submission = sample("birth-registration", "valid-both-parents");

    assertThat(render(form, submission, VI).pdf()).isEqualTo(render(form, submission, VI).pdf());
  }

  @Test
  void tenThousandCharacterValue_wrapsOverPages_qrOnTheLastPageStillMatches() throws Exception {
    FormDefinition form = form("birth-registration");
    ObjectNode submission = (ObjectNode) sample("birth-registration", "valid-both-parents");
    String unit = "Bệnh viện Đa khoa vùng Tây Nguyên ữ ự ỹ ẫ Đ ";
    String value = unit.repeat(10_000 / unit.length() + 1).substring(0, 10_000).strip();
    ((ObjectNode) submission.get("child")).put("placeOfBirth", value);

    byte[] pdf = render(form, submission, VI).pdf();

    int pages = pages(pdf);
    assertThat(pages).isGreaterThanOrEqualTo(3);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PageBounds bounds = new PageBounds();
      String text = bounds.getText(document);
      assertThat(bounds.outside).isEmpty();
      String body = text.replaceAll("Mã hồ sơ H27\\.39-261203-000125 Trang \\d+/\\d+", "");
      assertThat(body.replaceAll("\\s+", "")).contains(value.replaceAll("\\s+", ""));
      assertThat(text).contains("Trang " + pages + "/" + pages);
    }
    assertThat(ResultDocuments.verifyQr(pdf).status()).isEqualTo(QrVerification.Status.MATCH);
    assertThat(PdfA.failuresOf3b(pdf)).isEmpty();
  }

  @Test
  void tableOfSixtyMembers_continuesOverPagesWithItsHeaderRepeated() throws Exception {
    FormDefinition form = form("permanent-residence-registration");
    ObjectNode submission =
        (ObjectNode) sample("permanent-residence-registration", "valid-rented-home-with-family");
    ArrayNode members = (ArrayNode) submission.get("members");
    JsonNode first = members.get(0);
    members.removeAll();
    for (int i = 1; i <= 60; i++) {
      members.add(((ObjectNode) first.deepCopy()).put("fullName", "Đặng Thị Thu Hà số " + i));
    }

    byte[] pdf = render(form, submission, VI).pdf();

    int pages = pages(pdf);
    assertThat(pages).isGreaterThanOrEqualTo(2);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PageBounds bounds = new PageBounds();
      String text = bounds.getText(document);
      assertThat(bounds.outside).isEmpty();
      for (int i = 1; i <= 60; i++) {
        assertThat(text).contains("Đặng Thị Thu Hà số " + i + " ");
      }
      assertThat(text).contains("Vợ, chồng");
      for (int page = 1; page <= pages; page++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String onPage = stripper.getText(document);
        if (onPage.contains("Đặng Thị Thu Hà số")) {
          assertThat(onPage).as("page %d", page).contains("STT").contains("Quan hệ với chủ hộ");
        }
      }
    }
    assertThat(ResultDocuments.verifyQr(pdf).status()).isEqualTo(QrVerification.Status.MATCH);
  }

  @Test
  void dataOfAnotherTemplate_isRender103() {
    FormDefinition form = form("birth-registration");
    ResultData data = SampleResults.of(form, sample("birth-registration", "valid-both-parents"));
    ResultTemplate other = ResultTemplates.builtIn("death-extract").orElseThrow();

    assertThatThrownBy(() -> RENDERER.renderResult(other, form, data, VI))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-RENDER-103")
        .hasMessageContaining("birth-certificate@1.0.0")
        .hasMessageContaining("render it with the template it was built with");
  }

  @Test
  void dataOfAnotherForm_isRender103() {
    FormDefinition form = form("birth-registration");
    ResultData data = SampleResults.of(form, sample("birth-registration", "valid-both-parents"));

    assertThatThrownBy(
            () ->
                RENDERER.renderResult(
                    SampleResults.templateOf(form), form("death-registration"), data, VI))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-RENDER-103")
        .hasMessageContaining("pass the form the submission filled");
  }

  @Test
  void resultDocument_copiesItsBytes() {
    FormDefinition form = form("birth-registration");
    ResultDocument result = render(form, sample("birth-registration", "valid-both-parents"), VI);

    byte[] pdf = result.pdf();
    pdf[0] = 'X';

    assertThat(result.pdf()[0]).isEqualTo((byte) '%');
    assertThat(result.toString()).contains("birth-certificate").doesNotContain("Trần");
  }
}
