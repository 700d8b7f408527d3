package dev.onceform.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.result.PageFlow.Align;
import dev.onceform.schema.CodeList;
import dev.onceform.schema.FieldDefinition;
import dev.onceform.schema.FormDefinition;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Lays out an electronic result on a {@link PageFlow}: the issuing agency and document number
 * beside the national header and the date of issue (the two-column heading of Decree
 * 30/2020/ND-CP), the title and receipt number, the template's sections and tables, and the
 * signature block at the right with room for the QR code at its left. One instance per document.
 */
final class ResultPages {
  static final Locale VI = Locale.forLanguageTag("vi");
  private static final DateTimeFormatter EN_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final float BODY = 13;
  private static final float HEADING = 12;
  private static final float TABLE = 11;
  private static final float AGENCY_COLUMN = 0.42f;
  private static final float GUTTER = 12;
  private static final float SIGNATURE_ROOM = 24 * PageFlow.MM;

  private Optional<SignatureArea> signatureArea = Optional.empty();
  private final PageFlow flow;
  private final PDFont regular;
  private final PDFont bold;
  private final Locale locale;
  private final boolean english;
  private final Function<String, Optional<CodeList>> codeLists;

  ResultPages(
      PageFlow flow,
      PDFont regular,
      PDFont bold,
      Locale locale,
      Function<String, Optional<CodeList>> codeLists) {
    this.flow = flow;
    this.regular = regular;
    this.bold = bold;
    this.locale = locale;
    this.english = "en".equals(locale.getLanguage());
    this.codeLists = codeLists;
  }

  /** Where the signature goes, once {@link #draw} has drawn a signature block. */
  Optional<SignatureArea> signatureArea() {
    return signatureArea;
  }

  /** Draws the result and returns where its QR code goes. */
  QrStamp.Placement draw(ResultTemplate template, FormDefinition form, ResultData data)
      throws IOException {
    heading(template, data);
    flow.paragraph(upper(data.title().in(locale)), bold, 14, 0, Align.CENTER);
    flow.paragraph(
        (english ? "Receipt no.: " : "Mã hồ sơ: ") + data.receiptNumber(),
        regular,
        12,
        0,
        Align.CENTER);
    flow.space(10);
    Optional<QrStamp.Placement> qr = Optional.empty();
    for (LayoutBlock block : template.layout()) {
      if (block instanceof LayoutBlock.Section section) {
        section(section, template, form, data);
      } else if (block instanceof LayoutBlock.Table table) {
        table(table, form, data);
      } else if (block instanceof LayoutBlock.Signature signature) {
        qr = Optional.of(signature(signature, data));
      }
    }
    return qr.isPresent() ? qr.get() : qrAlone();
  }

  /** Agency and number at the left, Quốc hiệu, Tiêu ngữ and the date of issue at the right. */
  private void heading(ResultTemplate template, ResultData data) throws IOException {
    float top = flow.y();
    float leftWidth = flow.width() * AGENCY_COLUMN;
    float rightX = PageFlow.LEFT + leftWidth;
    float rightWidth = flow.width() - leftWidth;

    String agency = upper(data.issuer().name().in(locale));
    float agencySize = fit(agency, bold, HEADING, leftWidth - GUTTER, 10);
    flow.paragraphIn(agency, bold, agencySize, PageFlow.LEFT, leftWidth - GUTTER, Align.CENTER);
    flow.ruleIn(PageFlow.LEFT, leftWidth - GUTTER, leftWidth / 3);
    flow.space(6);
    Optional<String> number =
        template.number().flatMap(data::value).map(v -> v.isValueNode() ? v.asText() : "");
    if (number.isPresent() && !number.get().isEmpty()) {
      flow.paragraphIn(
          (english ? "No.: " : "Số: ") + number.get(),
          regular,
          HEADING,
          PageFlow.LEFT,
          leftWidth,
          Align.CENTER);
    }
    float leftBottom = flow.y();

    flow.moveTo(top);
    String country =
        english ? "SOCIALIST REPUBLIC OF VIET NAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    float countrySize = fit(country, bold, HEADING, rightWidth, 8);
    flow.paragraphIn(country, bold, countrySize, rightX, rightWidth, Align.CENTER);
    String motto = english ? "Independence - Freedom - Happiness" : "Độc lập - Tự do - Hạnh phúc";
    float mottoSize = fit(motto, bold, 13, rightWidth, 8);
    flow.paragraphIn(motto, bold, mottoSize, rightX, rightWidth, Align.CENTER);
    flow.ruleIn(rightX, rightWidth, flow.measure(motto, bold, mottoSize));
    flow.space(8);
    flow.paragraphIn(
        issueDate(data.issueDate()), regular, HEADING, rightX, rightWidth, Align.CENTER);
    flow.moveTo(Math.min(leftBottom, flow.y()));
    flow.space(20);
  }

  private String issueDate(LocalDate date) {
    if (english) {
      return "Issued on " + date.format(EN_DATE);
    }
    return String.format(
        Locale.ROOT,
        "Ngày %02d tháng %02d năm %d",
        date.getDayOfMonth(),
        date.getMonthValue(),
        date.getYear());
  }

  /**
   * The largest size from {@code smallest} up to {@code size} at which one line of text fits a
   * width; text that does not fit even at the smallest size wraps.
   */
  private float fit(String text, PDFont font, float size, float width, float smallest) {
    float natural = flow.measure(text, font, size);
    return natural <= width ? size : Math.max(smallest, size * width / natural);
  }

  private void section(
      LayoutBlock.Section section, ResultTemplate template, FormDefinition form, ResultData data)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (String id : section.fields()) {
      Optional<ResultTemplate.ResultField> field = template.field(id);
      Optional<JsonNode> value = data.value(id);
      if (field.isEmpty() || value.isEmpty() || value.get().isNull()) {
        continue;
      }
      ResultTemplate.ResultField f = field.get();
      lines.add(
          f.label().in(locale)
              + ": "
              + f.format().display(value.get(), locale, codeList(f.source(), form)));
    }
    if (lines.isEmpty() && section.title().isEmpty()) {
      return;
    }
    if (section.title().isPresent()) {
      flow.keep(3 * BODY * 1.3f);
      flow.paragraph(section.title().get().in(locale), bold, BODY, 0, Align.LEFT);
    }
    if (lines.isEmpty()) {
      flow.paragraph("—", regular, BODY, 14, Align.LEFT);
    }
    for (String line : lines) {
      flow.paragraph(line, regular, BODY, 14, Align.LEFT);
    }
    flow.space(6);
  }

  private Optional<CodeList> codeList(FieldSource source, FormDefinition form) {
    if (source instanceof FieldSource.Submission submission) {
      return form.field(submission.pointer()).flatMap(FieldDefinition::codeList).flatMap(codeLists);
    }
    return Optional.empty();
  }

  private void table(LayoutBlock.Table table, FormDefinition form, ResultData data)
      throws IOException {
    JsonNode items = SchemaPaths.items(form.schema(), table.rows());
    List<Optional<CodeList>> lists = new ArrayList<>();
    List<String> header = new ArrayList<>();
    header.add(english ? "No." : "STT");
    for (LayoutBlock.Column column : table.columns()) {
      header.add(column.label().in(locale));
      String list =
          SchemaPaths.property(form.schema(), items, column.pointer()).path("x-codelist").asText();
      lists.add(list.isEmpty() ? Optional.empty() : codeLists.apply(list));
    }
    List<List<String>> rows = new ArrayList<>();
    JsonNode array = data.value(table.id()).orElse(null);
    if (array != null) {
      for (JsonNode element : array) {
        List<String> row = new ArrayList<>();
        row.add(Integer.toString(rows.size() + 1));
        for (int c = 0; c < table.columns().size(); c++) {
          LayoutBlock.Column column = table.columns().get(c);
          JsonNode value = element.path(column.id());
          row.add(
              value.isMissingNode() || value.isNull()
                  ? ""
                  : column.format().display(value, locale, lists.get(c)));
        }
        rows.add(row);
      }
    }
    if (table.title().isPresent()) {
      flow.keep(4 * BODY * 1.3f);
      flow.paragraph(table.title().get().in(locale), bold, BODY, 0, Align.LEFT);
      flow.space(4);
    }
    if (rows.isEmpty()) {
      flow.paragraph("—", regular, BODY, 14, Align.LEFT);
    } else {
      flow.table(header, rows, regular, bold, TABLE);
    }
    flow.space(10);
  }

  /** The signature block at the right half; the QR code at the left half, level with its top. */
  private QrStamp.Placement signature(LayoutBlock.Signature signature, ResultData data)
      throws IOException {
    float half = flow.width() / 2;
    float x = PageFlow.LEFT + half;
    List<String> heads = new ArrayList<>();
    signature.onBehalfOf().ifPresent(text -> heads.add(upper(text.in(locale))));
    heads.add(upper(signature.position().in(locale)));
    String name =
        signature
            .signerName()
            .flatMap(data::value)
            .filter(JsonNode::isValueNode)
            .map(JsonNode::asText)
            .orElse("");
    float height = SIGNATURE_ROOM + flow.height(name, bold, BODY, half);
    for (String head : heads) {
      height += flow.height(head, bold, HEADING, half);
    }
    float caption = 9;
    height = Math.max(height, QrStamp.SIZE + 3 * caption * 1.3f);
    flow.space(6);
    flow.keep(height + 6);
    float top = flow.y();
    QrStamp.Placement qr = new QrStamp.Placement(flow.page(), PageFlow.LEFT, top);
    for (String head : heads) {
      flow.paragraphIn(head, bold, HEADING, x, half, Align.CENTER);
    }
    // flow.y() is the baseline of the position line: leave its descenders out of the area.
    float descent = HEADING * 0.3f;
    signatureArea =
        Optional.of(
            new SignatureArea(
                flow.page(), x, flow.y() - SIGNATURE_ROOM, half, SIGNATURE_ROOM - descent));
    flow.space(SIGNATURE_ROOM);
    if (!name.isEmpty()) {
      flow.paragraphIn(name, bold, BODY, x, half, Align.CENTER);
    }
    float rightBottom = flow.y();
    flow.moveTo(top - QrStamp.SIZE);
    flow.paragraphIn(
        english ? "Scan to check this result" : "Quét mã để kiểm tra kết quả",
        regular,
        caption,
        PageFlow.LEFT,
        half,
        Align.LEFT);
    flow.moveTo(Math.min(rightBottom, flow.y()));
    return qr;
  }

  /** A template without a signature block: the QR code below the last block, at the left. */
  private QrStamp.Placement qrAlone() throws IOException {
    flow.space(6);
    flow.keep(QrStamp.SIZE);
    QrStamp.Placement qr = new QrStamp.Placement(flow.page(), PageFlow.LEFT, flow.y());
    flow.space(QrStamp.SIZE);
    return qr;
  }

  private static String upper(String text) {
    return text.toUpperCase(VI);
  }
}
