package dev.onceform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onceform.signing.PadesLevel;
import dev.onceform.signing.PadesSigner;
import dev.onceform.signing.Pem;
import dev.onceform.signing.TimestampClient;
import dev.onceform.signing.spi.RevocationSource;
import dev.onceform.signing.testing.TestPki;
import dev.onceform.signing.testing.TestTsa;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onceform archive}, then {@code onceform verify} on what it wrote. */
class ArchiveCommandTest {

  @TempDir static Path shared;
  private static TestPki pki;
  private static TestTsa pastTsa;
  private static TestTsa tsa;
  private static Path caPem;
  private static Path crlPem;
  private static Path blta;

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void signedBlta() throws Exception {
    pki = TestPki.builder().build();
    caPem = Files.writeString(shared.resolve("ca.pem"), pki.caCertificatePem());
    // The first TSA runs two minutes behind, so that the CRL can be issued after its timestamps
    // and before the verification, which runs on the system clock.
    Instant stamped = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    pastTsa =
        TestTsa.builder()
            .key(pki.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
            .clock(Clock.fixed(stamped, ZoneOffset.UTC))
            .start();
    tsa = TestTsa.builder().key(pki.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING)).start();
    crlPem =
        Files.writeString(
            shared.resolve("ca.crl.pem"), Pem.encode(pki.crl(stamped.plusSeconds(30))));
    byte[] signed =
        PadesSigner.builder()
            .key(pki.signerKey())
            .level(PadesLevel.B_LTA)
            .timestampClient(
                TimestampClient.builder()
                    .url(pastTsa.url())
                    .trustAnchor(pki.caCertificate())
                    .clock(Clock.fixed(stamped, ZoneOffset.UTC))
                    .build())
            .revocationSource(
                RevocationSource.of(List.of(pki.crl(stamped.plusSeconds(30))), List.of()))
            .build()
            .sign(onePage());
    blta = Files.write(shared.resolve("result-blta.pdf"), signed);
  }

  private static byte[] onePage() throws Exception {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  @AfterAll
  static void stop() {
    tsa.close();
    pastTsa.close();
  }

  private Run archive(Path input, Path output, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "archive",
                "--tsa",
                tsa.url().toString(),
                "--tsa-trust",
                caPem.toString(),
                "--crl",
                crlPem.toString()));
    args.addAll(List.of(more));
    args.addAll(List.of(input.toString(), "-o", output.toString()));
    return run(args.toArray(String[]::new));
  }

  @Test
  void archive_blta_addsASecondDocumentTimestampThatVerifies() throws Exception {
    Path renewed = dir.resolve("renewed.pdf");

    Run run = archive(blta, renewed);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith(renewed + ": archive timestamp renewed (");
    byte[] before = Files.readAllBytes(blta);
    byte[] after = Files.readAllBytes(renewed);
    assertThat(after).startsWith(before);
    Run verify = run("verify", "--json", "--trust", caPem.toString(), renewed.toString());
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(verify.out());
    assertThat(report.get("indication").asText()).isEqualTo("TOTAL_PASSED");
    assertThat(report.at("/signatures/0/level").asText()).isEqualTo("B_LTA");
    assertThat(report.get("documentTimestamps")).hasSize(2);
    assertThat(report.at("/documentTimestamps/1/indication").asText()).isEqualTo("TOTAL_PASSED");
    assertThat(report.at("/documentTimestamps/1/coversWholeDocument").asBoolean()).isTrue();
  }

  @Test
  void archive_notAPdf_exit2OneLine() throws Exception {
    Path text = Files.writeString(dir.resolve("note.pdf"), "not a pdf", StandardCharsets.UTF_8);

    Run run = archive(text, dir.resolve("out.pdf"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("OF-SIGN-201").doesNotContain("Exception");
    assertThat(dir.resolve("out.pdf")).doesNotExist();
  }

  @Test
  void archive_withoutTsa_exit2NamesTheOption() {
    Run run = run("archive", "--tsa-trust", caPem.toString(), blta.toString(), "-o", "x.pdf");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--tsa");
  }
}
