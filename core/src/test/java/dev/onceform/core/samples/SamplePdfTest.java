package dev.onceform.core.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.result.PdfRenderer;
import dev.onceform.core.result.QrVerification;
import dev.onceform.core.result.ResultDocuments;
import dev.onceform.core.samples.SampleSubmissions.Sample;
import dev.onceform.core.testing.ExternalTool;
import dev.onceform.core.testing.PdfA;
import dev.onceform.schema.FieldDefinition;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.SampleForms;
import dev.onceform.schema.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every valid sample submission of every bundled form renders as a PDF/A-3b document (veraPDF,
 * flavour 3B) whose text pdftotext extracts exactly, and whose QR code matches its embedded data.
 */
class SamplePdfTest {
  private static final Locale VI = Locale.forLanguageTag("vi");
  private static final PdfRenderer RENDERER =
      PdfRenderer.builder()
          .clock(Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC))
          .build();

  static Stream<Sample> validSamples() {
    return SampleSubmissions.all().stream().filter(Sample::valid);
  }

  private static FormDefinition form(Sample sample) {
    return SampleForms.get(sample.formId(), sample.version()).orElseThrow();
  }

  private static byte[] render(Sample sample, Locale locale) {
    return RENDERER.renderSubmission(form(sample), SampleSubmissions.read(sample.file()), locale);
  }

  /** The labels and free-text values as the PDF shows them (code lists and dates are mapped). */
  private static List<String> expectedTexts(Sample sample) {
    FormDefinition form = form(sample);
    JsonNode submission = SampleSubmissions.read(sample.file());
    List<String> texts = new ArrayList<>();
    texts.add(form.title().in(VI).toUpperCase(VI));
    for (Section section : form.sections()) {
      for (FieldDefinition field : section.fields()) {
        JsonNode value = submission.at(field.pointer());
        if (value.isMissingNode() || value.isNull()) {
          continue;
        }
        texts.add(field.label().in(VI));
        if (value.isTextual() && field.codeList().isEmpty() && field.format().isEmpty()) {
          texts.add(value.asText());
        }
      }
    }
    return texts;
  }

  private static String squeeze(String text) {
    return text.replaceAll("\\s+", "");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validSamples")
  void validSample_vi_isPdfA3b_andQrMatches(Sample sample) throws Exception {
    byte[] pdf = render(sample, VI);

    assertThat(PdfA.failuresOf3b(pdf)).isEmpty();
    assertThat(ResultDocuments.verifyQr(pdf).status()).isEqualTo(QrVerification.Status.MATCH);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validSamples")
  void validSample_en_isPdfA3b(Sample sample) throws Exception {
    assertThat(PdfA.failuresOf3b(render(sample, Locale.ENGLISH))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validSamples")
  void validSample_pdftotext_extractsTheVietnameseTextExactly(Sample sample, @TempDir Path dir)
      throws Exception {
    ExternalTool.require("pdftotext", "poppler-utils");
    Path pdf = dir.resolve("submission.pdf");
    Files.write(pdf, render(sample, VI));

    ExternalTool.Result result =
        ExternalTool.run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");

    assertThat(result.exitCode()).isZero();
    String text = squeeze(result.output());
    assertThat(text).contains("CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM").contains("Độclập-Tựdo-Hạnhphúc");
    for (String expected : expectedTexts(sample)) {
      assertThat(text).as("pdftotext of %s", sample).contains(squeeze(expected));
    }
  }
}
