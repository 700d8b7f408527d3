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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
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

  /** The name under which a result PDF embeds {@code result.json}. */
  static final String RESULT_FILE = "result.json";

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
      PDFont regular = font(document, regularFont);
      PDFont bold = font(document, boldFont);
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
          section(flow, section, form, submission, locale, regular, bold);
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
    checkMatches(template, form, data);
    boolean english = "en".equals(locale.getLanguage());
    try (PDDocument document = new PDDocument()) {
      PDFont regular = font(document, regularFont);
      PDFont bold = font(document, boldFont);
      QrStamp.Placement qr;
      Optional<SignatureArea> signatureArea;
      try (PageFlow flow = new PageFlow(document)) {
        ResultPages pages = new ResultPages(flow, regular, bold, locale, this::codeList);
        qr = pages.draw(template, form, data);
        signatureArea = pages.signatureArea();
        flow.finish(
            (english ? "Receipt no. " : "Mã hồ sơ ") + data.receiptNumber(),
            english ? "Page" : "Trang",
            regular,
            9);
      }
      ArchivalPdf.Content content =
          new ArchivalPdf.Content(
              data.title().in(locale), RESULT_FILE, data.toJson(), data.receiptNumber());
      return new ResultDocument(
          data, ArchivalPdf.save(document, content, clock.instant(), qr), signatureArea);
    } catch (IOException e) {
      throw new OnceFormException(
          "OF-RENDER-101",
          "cannot render result " + template.id() + " as PDF: " + e.getMessage(),
          e);
    }
  }

  private static void checkMatches(ResultTemplate template, FormDefinition form, ResultData data) {
    if (!data.templateId().equals(template.id())
        || !data.templateVersion().equals(template.version())) {
      throw new OnceFormException(
          "OF-RENDER-103",
          "the result was built with template "
              + data.templateId()
              + "@"
              + data.templateVersion()
              + " but is rendered with "
              + template.id()
              + "@"
              + template.version()
              + ": render it with the template it was built with");
    }
    if (!data.formId().equals(form.id()) || !data.formVersion().equals(form.version())) {
      throw new OnceFormException(
          "OF-RENDER-103",
          "the result was built from a submission of form "
              + data.formId()
              + "@"
              + data.formVersion()
              + " but is rendered with form "
              + form
              + ": pass the form the submission filled");
    }
  }

  private Optional<CodeList> codeList(String id) {
    return codeLists.computeIfAbsent(id, CodeLists::builtIn);
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
      FormDefinition form,
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
      any = true;
      if (value.isArray() && value.size() > 0 && value.get(0).isObject()) {
        flow.paragraph(field.label().in(locale) + ":", regular, 13, 14, Align.LEFT);
        flow.space(3);
        table(flow, form, field, value, locale, regular, bold);
        flow.space(4);
        continue;
      }
      flow.paragraph(
          field.label().in(locale) + ": " + display(field, value, locale),
          regular,
          13,
          14,
          Align.LEFT);
    }
    if (!any) {
      flow.paragraph("—", regular, 13, 14, Align.LEFT);
    }
    flow.space(6);
  }

  /** An array of objects as a table: one column per property of its items, in x-order. */
  private void table(
      PageFlow flow,
      FormDefinition form,
      FieldDefinition field,
      JsonNode rows,
      Locale locale,
      PDFont regular,
      PDFont bold)
      throws IOException {
    JsonNode items = SchemaPaths.items(form.schema(), field.pointer());
    List<Map.Entry<String, JsonNode>> columns =
        new ArrayList<>(items.path("properties").properties());
    columns.sort(
        Comparator.comparingInt(c -> c.getValue().path("x-order").asInt(Integer.MAX_VALUE)));
    List<String> header = new ArrayList<>();
    header.add("en".equals(locale.getLanguage()) ? "No." : "STT");
    for (Map.Entry<String, JsonNode> column : columns) {
      JsonNode label = column.getValue().path("x-label");
      String vi = label.path("vi").asText(column.getKey());
      header.add("en".equals(locale.getLanguage()) ? label.path("en").asText(vi) : vi);
    }
    List<List<String>> cells = new ArrayList<>();
    for (JsonNode row : rows) {
      List<String> line = new ArrayList<>();
      line.add(Integer.toString(cells.size() + 1));
      for (Map.Entry<String, JsonNode> column : columns) {
        JsonNode value = row.path(column.getKey());
        line.add(
            value.isMissingNode() || value.isNull()
                ? ""
                : display(column.getValue(), value, locale));
      }
      cells.add(line);
    }
    flow.table(header, cells, regular, bold, 11);
  }

  /** The value as a reader expects it: code-list labels, dates, grouped digits, Có/Không. */
  private String display(FieldDefinition field, JsonNode value, Locale locale) {
    if (field.codeList().isPresent()) {
      return ValueFormat.CODE.display(value, locale, codeList(field.codeList().get()));
    }
    return plain(field.format().orElse(""), value, locale);
  }

  private String display(JsonNode schema, JsonNode value, Locale locale) {
    String list = schema.path("x-codelist").asText();
    if (!list.isEmpty()) {
      return ValueFormat.CODE.display(value, locale, codeList(list));
    }
    return plain(schema.path("format").asText(), value, locale);
  }

  private static String plain(String format, JsonNode value, Locale locale) {
    ValueFormat shown =
        "date".equals(format)
            ? ValueFormat.DATE
            : value.isNumber()
                ? ValueFormat.NUMBER
                : value.isBoolean() ? ValueFormat.YES_NO : ValueFormat.TEXT;
    return shown.display(value, locale, Optional.empty());
  }

  private byte[] save(PDDocument document, FormDefinition form, JsonNode submission, Locale locale)
      throws IOException {
    byte[] json = submission.toString().getBytes(StandardCharsets.UTF_8);
    ArchivalPdf.Content content =
        new ArchivalPdf.Content(form.title().in(locale), SUBMISSION_FILE, json, "");
    return ArchivalPdf.save(document, content, clock.instant());
  }

  /**
   * Loads a bundled font for embedding as a subset. Glyph substitution (GSUB) is off: Vietnamese
   * text in NFC maps to precomposed glyphs through the font's cmap and needs no substitution, and
   * PDFBox's Latin GSUB worker compiles a regular expression for every line shown (it made a
   * 10-page PDF about 40 times slower). The font closes with the document.
   */
  private static PDFont font(PDDocument document, byte[] bytes) throws IOException {
    TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    ttf.setEnableGsub(false);
    return PDType0Font.load(document, ttf, true);
  }

  /**
   * Returns the TrueType font the renderer writes text in (Liberation Serif Regular, SIL Open Font
   * License 1.1, which covers Vietnamese), for example for a visible signature's text in the same
   * face as the result.
   *
   * @return a copy of the font file's bytes
   */
  public static byte[] regularFont() {
    return fontBytes("LiberationSerif-Regular.ttf");
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
