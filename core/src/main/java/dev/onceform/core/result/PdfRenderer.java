package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.result.PageFlow.Align;
import dev.onceform.schema.CodeList;
import dev.onceform.schema.CodeLists;
import dev.onceform.schema.FieldDefinition;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.OnceFormException;
import dev.onceform.schema.Section;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders a filled form (a submission) as an A4 PDF declaration in Vietnamese or English: national
 * header, title, one block per section, page numbers. Text is set in Liberation Serif (metrics of
 * Times New Roman), embedded as a subset with a ToUnicode map, so that every Vietnamese letter
 * prints and copies exactly.
 *
 * <p>The output is PDF/A-3b: XMP metadata, sRGB output intent, embedded fonts, and the submission
 * embedded as the associated file {@code submission.json} ({@code /AFRelationship /Data}, read it
 * back with {@link ResultDocuments#extract(byte[])}). A QR code in the top right corner of the
 * first page carries the SHA-256 digest of that file ({@link ResultDocuments#verifyQr(byte[])}).
 *
 * <p>Immutable and thread-safe; build once and share. Output is deterministic: the same form,
 * submission, locale and clock give the same bytes (the document id is a digest of the content and
 * the time).
 *
 * <pre>{@code
 * PdfRenderer renderer = PdfRenderer.builder().clock(clock).build();
 * byte[] pdf = renderer.renderSubmission(form, submission, Locale.forLanguageTag("vi"));
 * }</pre>
 */
public final class PdfRenderer {
  private static final String FONT_DIR = "/dev/onceform/core/internal/fonts/";

  /** The name under which a submission PDF embeds the submission. */
  static final String SUBMISSION_FILE = "submission.json";

  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final Clock clock;
  private final byte[] regularFont;
  private final byte[] boldFont;
  private final Map<String, Optional<CodeList>> codeLists = new ConcurrentHashMap<>();

  private PdfRenderer(Builder builder) {
    this.clock = builder.clock;
    this.regularFont = fontBytes("LiberationSerif-Regular.ttf");
    this.boldFont = fontBytes("LiberationSerif-Bold.ttf");
  }

  /** Returns a builder with the system UTC clock. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Renders a submission of a form.
   *
   * @param form the form the submission fills
   * @param submission the submission (normally already validated)
   * @param locale {@code vi} or {@code en}; labels fall back to Vietnamese where a form has no
   *     English
   * @return the PDF bytes
   * @throws OnceFormException {@code OF-RENDER-101} if PDFBox fails to write the document
   */
  public byte[] renderSubmission(FormDefinition form, JsonNode submission, Locale locale) {
    requireNonNull(form, "form");
    requireNonNull(submission, "submission");
    requireNonNull(locale, "locale");
    boolean english = "en".equals(locale.getLanguage());
    try (PDDocument document = new PDDocument()) {
      PDFont regular =
          PDType0Font.load(document, new RandomAccessReadBuffer(regularFont), true, false);
      PDFont bold = PDType0Font.load(document, new RandomAccessReadBuffer(boldFont), true, false);
      try (PageFlow flow = new PageFlow(document)) {
        header(flow, bold, english);
        flow.paragraph(
            form.title().in(locale).toUpperCase(Locale.forLanguageTag("vi")),
            bold,
            14,
            0,
            Align.CENTER);
        flow.space(12);
        for (Section section : form.sections()) {
          section(flow, section, submission, locale, regular, bold);
        }
        flow.finish(form.toString(), english ? "Page" : "Trang", regular, 9);
      }
      return save(document, form, submission, locale);
    } catch (IOException e) {
      throw new OnceFormException(
          "OF-RENDER-101", "cannot render form " + form + " as PDF: " + e.getMessage(), e);
    }
  }

  /**
   * Renders an electronic result as laid out by its template: the issuing agency and document
   * number beside the national header, the date of issue, the title, the template's sections and
   * tables, the signature block with a QR code beside it, and a footer with the receipt number and
   * page numbers. The PDF embeds {@code result.json} ({@link ResultData#toJson()}) as its
   * associated data file.
   *
   * @param template the template the result was built with
   * @param form the form of the submission, for the code lists of {@code code} values
   * @param data the result's data, built with {@link ResultData#builder}
   * @param locale {@code vi} or {@code en}; texts without English fall back to Vietnamese
   * @return the data and the PDF
   * @throws OnceFormException {@code OF-RENDER-103} if the data was not built with this template
   *     and form, {@code OF-RENDER-101} if PDFBox fails to write the document
   */
  public ResultDocument renderResult(
      ResultTemplate template, FormDefinition form, ResultData data, Locale locale) {
    requireNonNull(template, "template");
    requireNonNull(form, "form");
    requireNonNull(data, "data");
    requireNonNull(locale, "locale");
    throw new UnsupportedOperationException("not yet");
  }

  private static void header(PageFlow flow, PDFont bold, boolean english) throws IOException {
    flow.paragraph(
        english ? "SOCIALIST REPUBLIC OF VIET NAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        bold,
        13,
        0,
        Align.CENTER);
    String motto = english ? "Independence - Freedom - Happiness" : "Độc lập - Tự do - Hạnh phúc";
    flow.paragraph(motto, bold, 13, 0, Align.CENTER);
    flow.rule(flow.measure(motto, bold, 13));
    flow.space(18);
  }

  private void section(
      PageFlow flow,
      Section section,
      JsonNode submission,
      Locale locale,
      PDFont regular,
      PDFont bold)
      throws IOException {
    flow.paragraph(section.label().in(locale), bold, 13, 0, Align.LEFT);
    boolean any = false;
    for (FieldDefinition field : section.fields()) {
      JsonNode value = submission.at(field.pointer());
      if (value.isMissingNode() || value.isNull()) {
        continue;
      }
      flow.paragraph(
          field.label().in(locale) + ": " + display(field, value, locale),
          regular,
          13,
          14,
          Align.LEFT);
      any = true;
    }
    if (!any) {
      flow.paragraph("—", regular, 13, 14, Align.LEFT);
    }
    flow.space(6);
  }

  /** The value as a reader expects it: code-list labels, dd/MM/yyyy dates. */
  private String display(FieldDefinition field, JsonNode value, Locale locale) {
    String text = value.isValueNode() ? value.asText() : value.toString();
    if (field.codeList().isPresent()) {
      Optional<CodeList> list =
          codeLists.computeIfAbsent(field.codeList().get(), CodeLists::builtIn);
      return list.flatMap(l -> l.label(text)).map(label -> label.in(locale)).orElse(text);
    }
    if (field.format().filter("date"::equals).isPresent()) {
      try {
        return LocalDate.parse(text).format(DAY_MONTH_YEAR);
      } catch (DateTimeParseException e) {
        return text;
      }
    }
    return text;
  }

  private byte[] save(PDDocument document, FormDefinition form, JsonNode submission, Locale locale)
      throws IOException {
    byte[] json = submission.toString().getBytes(StandardCharsets.UTF_8);
    ArchivalPdf.Content content =
        new ArchivalPdf.Content(form.title().in(locale), SUBMISSION_FILE, json, "");
    return ArchivalPdf.save(document, content, clock.instant());
  }

  private static byte[] fontBytes(String name) {
    try (InputStream in = PdfRenderer.class.getResourceAsStream(FONT_DIR + name)) {
      if (in == null) {
        throw new OnceFormException(
            "OF-RENDER-102", "bundled font " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new OnceFormException("OF-RENDER-102", "cannot read bundled font " + name, e);
    }
  }

  /** Builds a {@link PdfRenderer}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Sets the clock that dates the document (creation date, document id). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Returns the renderer; it loads the bundled fonts once. */
    public PdfRenderer build() {
      return new PdfRenderer(this);
    }
  }
}
