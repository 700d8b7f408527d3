package dev.onceform.core.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.onceform.core.result.LayoutBlock;
import dev.onceform.core.result.PdfRenderer;
import dev.onceform.core.result.QrVerification;
import dev.onceform.core.result.ResultData;
import dev.onceform.core.result.ResultDocument;
import dev.onceform.core.result.ResultDocuments;
import dev.onceform.core.result.ResultTemplate;
import dev.onceform.core.result.ValueFormat;
import dev.onceform.core.samples.SampleSubmissions.Sample;
import dev.onceform.core.testing.ExternalTool;
import dev.onceform.core.testing.PdfA;
import dev.onceform.core.testing.SampleResults;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.SampleForms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The result of every valid sample submission of every bundled form renders as a PDF/A-3b document
 * (veraPDF, flavour 3B) that embeds its result.json, whose QR code matches it, and whose text
 * pdftotext extracts exactly.
 */
class SampleResultPdfTest {
  private static final Locale VI = Locale.forLanguageTag("vi");
  private static final PdfRenderer RENDERER =
      PdfRenderer.builder().clock(SampleResults.CLOCK).build();

  static Stream<Sample> validSamples() {
    return SampleSubmissions.all().stream().filter(Sample::valid);
  }

  private static FormDefinition form(Sample sample) {
    return SampleForms.get(sample.formId(), sample.version()).orElseThrow();
  }

  private static ResultDocument render(Sample sample, Locale locale) {
    FormDefinition form = form(sample);
    ResultData data = SampleResults.of(form, SampleSubmissions.read(sample.file()));
    return RENDERER.renderResult(SampleResults.templateOf(form), form, data, locale);
  }

  /** The title, the agency, and every label and plain-text value the layout shows. */
  private static List<String> expectedTexts(Sample sample, ResultDocument result) {
    ResultTemplate template = SampleResults.templateOf(form(sample));
    ResultData data = result.data();
    List<String> texts = new ArrayList<>();
    texts.add(data.title().in(VI).toUpperCase(VI));
    texts.add(data.issuer().name().in(VI).toUpperCase(VI));
    texts.add(data.receiptNumber());
    for (LayoutBlock block : template.layout()) {
      if (block instanceof LayoutBlock.Section section) {
        for (String id : section.fields()) {
          ResultTemplate.ResultField field = template.field(id).orElseThrow();
          Optional<JsonNode> value = data.value(id);
          if (value.isEmpty()) {
            continue;
          }
          texts.add(field.label().in(VI));
          if (field.format() == ValueFormat.TEXT && value.get().isTextual()) {
            texts.add(value.get().asText());
          }
        }
      } else if (block instanceof LayoutBlock.Table table) {
        JsonNode rows = data.value(table.id()).orElse(MissingNode.getInstance());
        if (rows.size() > 0) {
          table.columns().forEach(column -> texts.add(column.label().in(VI)));
        }
        for (JsonNode row : rows) {
          for (LayoutBlock.Column column : table.columns()) {
            if (column.format() == ValueFormat.TEXT && row.path(column.id()).isTextual()) {
              texts.add(row.path(column.id()).asText());
            }
          }
        }
      } else if (block instanceof LayoutBlock.Signature signature) {
        texts.add(signature.position().in(VI).toUpperCase(VI));
      }
    }
    return texts;
  }

  private static String squeeze(String text) {
    return text.replaceAll("\\s+", "");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validSamples")
  void validSample_vi_isPdfA3b_embedsResultJson_andQrMatches(Sample sample) throws Exception {
    ResultDocument result = render(sample, VI);
    byte[] pdf = result.pdf();

    assertThat(PdfA.failuresOf3b(pdf)).isEmpty();
    assertThat(ResultDocuments.extract(pdf).json())
        .isEqualTo(new String(result.json(), StandardCharsets.UTF_8));
    assertThat(ResultDocuments.verifyQr(pdf).status()).isEqualTo(QrVerification.Status.MATCH);
    assertThat(pdf.length).isLessThan(80 * 1024);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validSamples")
  void validSample_en_isPdfA3b(Sample sample) throws Exception {
    assertThat(PdfA.failuresOf3b(render(sample, Locale.ENGLISH).pdf())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validSamples")
  void validSample_pdftotext_extractsTheVietnameseTextExactly(Sample sample, @TempDir Path dir)
      throws Exception {
    ExternalTool.require("pdftotext", "poppler-utils");
    ResultDocument result = render(sample, VI);
    Path pdf = dir.resolve("result.pdf");
    Files.write(pdf, result.pdf());

    ExternalTool.Result extracted =
        ExternalTool.run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");

    assertThat(extracted.exitCode()).isZero();
    String text = squeeze(extracted.output());
    assertThat(text).contains("CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM").contains("Độclập-Tựdo-Hạnhphúc");
    for (String expected : expectedTexts(sample, result)) {
      assertThat(text).as("pdftotext of %s", sample).contains(squeeze(expected));
    }
  }
}
