package dev.onceform.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.Submissions;
import dev.onceform.core.result.PdfRenderer;
import dev.onceform.core.result.ResultData;
import dev.onceform.core.result.ResultDocument;
import dev.onceform.core.result.ResultTemplate;
import dev.onceform.core.result.ResultTemplates;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.SampleForms;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PDF rendering (issue 6's performance targets), in one class so that the three run in the same JVM
 * run, beside the floor of PDFBox itself:
 *
 * <ul>
 *   <li>{@link #resultOnePage}: {@link PdfRenderer#renderResult} of the one-page birth certificate
 *       (template {@code birth-certificate}, the valid birth-registration 1.0.0 sample, three
 *       officer inputs): national header, sections, signature block, QR code, {@code result.json}
 *       embedded, PDF/A-3b. Target: median ≤ 15 ms on one core, output ≤ 80 KB.
 *   <li>{@link #submissionTenPages}: {@link PdfRenderer#renderSubmission} of the same sample with
 *       long Vietnamese texts in its eleven free-text fields, so that it takes 10 pages (setup
 *       checks 9-11). The texts are longer than the form's {@code maxLength}: the renderer does not
 *       validate, and no valid submission of this form fills more than two pages. Target: median ≤
 *       60 ms.
 *   <li>{@link #floorEmptyPageSameFont} (baseline): raw PDFBox 3, one A4 page with one short
 *       Vietnamese line in the same embedded subset font (Liberation Serif), saved: the least any
 *       PDF of ours can cost.
 * </ul>
 *
 * <p>Each state's setup prints the output size once to stderr ({@code render size: ...}), for
 * docs/benchmarks.md.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {
  static final Locale VI = Locale.forLanguageTag("vi");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T02:30:00Z"), ZoneOffset.UTC);
  static final String FONT = "/dev/onceform/core/internal/fonts/LiberationSerif-Regular.ttf";

  /** The text fields of birth-registration 1.0.0 that {@link #longSubmission} fills. */
  static final String[] TEXT_FIELDS = {
    "/applicant/fullName",
    "/applicant/residence",
    "/child/fullName",
    "/child/placeOfBirth",
    "/child/hometown",
    "/mother/fullName",
    "/mother/permanentAddress",
    "/father/fullName",
    "/father/permanentAddress",
    "/residence/address",
    "/healthInsurance/initialHealthcareFacility",
  };

  /** Characters per long field: 11 × 2,600 ≈ 28,600 characters, 10 pages. */
  static final int LONG_FIELD_CHARS = 2_600;

  /** The birth certificate of the valid sample submission. */
  @State(Scope.Benchmark)
  public static class Result {
    PdfRenderer renderer;
    ResultTemplate template;
    FormDefinition form;
    ResultData data;

    @Setup
    public void setUp() throws IOException {
      renderer = PdfRenderer.builder().clock(CLOCK).build();
      template = ResultTemplates.builtIn("birth-certificate").orElseThrow();
      form = SampleForms.get("birth-registration", "1.0.0").orElseThrow();
      data =
          ResultData.builder(template, form)
              .submission(read("birth-registration-1.0.0-valid.json"))
              .receiptNumber("H27.39-261203-000001")
              .clock(CLOCK)
              .officerInput("registrationNumber", "125/2026")
              .officerInput("childPersonalId", "066226001234")
              .officerInput("signerName", "Lê Văn Nam")
              .build();
      byte[] pdf = renderer.renderResult(template, form, data, VI).pdf();
      report("resultOnePage", pdf, 1, 1);
    }
  }

  /** A submission long enough for 10 pages. */
  @State(Scope.Benchmark)
  public static class Submission {
    PdfRenderer renderer;
    FormDefinition form;
    JsonNode submission;

    @Setup
    public void setUp() throws IOException {
      renderer = PdfRenderer.builder().clock(CLOCK).build();
      form = SampleForms.get("birth-registration", "1.0.0").orElseThrow();
      submission = longSubmission(read("birth-registration-1.0.0-valid.json"));
      report("submissionTenPages", renderer.renderSubmission(form, submission, VI), 9, 11);
    }
  }

  /** The bundled font's bytes, read once. */
  @State(Scope.Benchmark)
  public static class Floor {
    byte[] font;

    @Setup
    public void setUp() throws IOException {
      try (InputStream in = RenderBenchmark.class.getResourceAsStream(FONT)) {
        if (in == null) {
          throw new IllegalStateException(FONT + " is missing from the benchmark jar");
        }
        font = in.readAllBytes();
      }
      report("floorEmptyPageSameFont", floor(font), 1, 1);
    }
  }

  /** OnceForm: the one-page birth certificate with QR code and embedded data, PDF/A-3b. */
  @Benchmark
  public ResultDocument resultOnePage(Result state) {
    return state.renderer.renderResult(state.template, state.form, state.data, VI);
  }

  /** OnceForm: a 10-page submission PDF with embedded data, PDF/A-3b. */
  @Benchmark
  public byte[] submissionTenPages(Submission state) {
    return state.renderer.renderSubmission(state.form, state.submission, VI);
  }

  /** Baseline: raw PDFBox, one A4 page, one Vietnamese line in the same embedded subset font. */
  @Benchmark
  public byte[] floorEmptyPageSameFont(Floor state) throws IOException {
    return floor(state.font);
  }

  static byte[] floor(byte[] font) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      PDType0Font serif = PDType0Font.load(document, new RandomAccessReadBuffer(font), true, false);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(serif, 13);
        content.newLineAtOffset(72, 770);
        content.showText("Cộng hòa xã hội chủ nghĩa Việt Nam");
        content.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  /** The sample with every free-text field replaced by {@link #LONG_FIELD_CHARS} characters. */
  static JsonNode longSubmission(JsonNode sample) {
    ObjectNode copy = sample.deepCopy();
    for (int i = 0; i < TEXT_FIELDS.length; i++) {
      String pointer = TEXT_FIELDS[i];
      int slash = pointer.lastIndexOf('/');
      ObjectNode parent = (ObjectNode) copy.at(pointer.substring(0, slash));
      parent.put(pointer.substring(slash + 1), longText(i, LONG_FIELD_CHARS));
    }
    return copy;
  }

  /** Vietnamese address-like prose of about {@code chars} characters, cut at a space. */
  static String longText(int seed, int chars) {
    String[] phrases = {
      "Số nhà 12, ngõ 34, đường Nguyễn Tất Thành, khu phố Tân Lập, phường Tân An, tỉnh Đắk Lắk;",
      "gần chợ Buôn Ma Thuột, đối diện trường Tiểu học Lê Văn Tám, cạnh Ủy ban nhân dân xã;",
      "thôn Ea Tiêu, xã Cư Êbur, đường liên thôn rẽ phải sau cầu Đắk Bông Cuôr khoảng 300 mét;",
      "Bệnh viện Đa khoa vùng Tây Nguyên, khoa Sản, tầng 3, nhà B, số 184 Trần Quý Cáp;",
      "Trạm Y tế xã Hòa Phú, thôn 3, quốc lộ 14, hướng đi thành phố Buôn Ma Thuột;",
    };
    StringBuilder text = new StringBuilder(chars + 100);
    for (int i = seed; text.length() < chars; i++) {
      text.append(phrases[i % phrases.length]).append(' ');
    }
    int end = text.lastIndexOf(" ", chars);
    return text.substring(0, end > 0 ? end : chars);
  }

  static JsonNode read(String resource) throws IOException {
    try (InputStream in = RenderBenchmark.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the benchmark jar");
      }
      return Submissions.parse(in, resource);
    }
  }

  /** Prints the size and page count once, and fails setup if the page count is off. */
  static void report(String benchmark, byte[] pdf, int minPages, int maxPages) throws IOException {
    int pages;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      pages = document.getNumberOfPages();
    }
    System.err.printf(
        Locale.ROOT, "%nrender size: %s %,d bytes, %d page(s)%n", benchmark, pdf.length, pages);
    if (pages < minPages || pages > maxPages) {
      throw new IllegalStateException(
          benchmark
              + " must give "
              + minPages
              + "-"
              + maxPages
              + " pages, but gave "
              + pages
              + "; adjust LONG_FIELD_CHARS");
    }
  }
}
