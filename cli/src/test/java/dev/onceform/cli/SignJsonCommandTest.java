package dev.onceform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onceform.signing.testing.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onceform sign-json}, then {@code onceform verify --jws} on what it wrote. */
class SignJsonCommandTest {
  private static final String PASSWORD = "correct-horse-7";
  private static final Map<String, String> ENV = Map.of("ONCEFORM_KEY_PASSWORD", PASSWORD);
  private static final String RESULT =
      "{\"receiptNumber\": \"H27.39-261203-0042\", \"child\": {\"fullName\": \"Nguyễn Thị Mai\","
          + " \"birthDate\": \"2026-11-20\"}, \"fee\": 0}";

  @TempDir static Path shared;
  private static TestPki pki;
  private static Path p12;
  private static Path caPem;
  private static Path otherCaPem;

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void keys() throws Exception {
    pki = TestPki.builder().build();
    p12 = shared.resolve("signer.p12");
    pki.writePkcs12(p12, PASSWORD.toCharArray());
    caPem = Files.writeString(shared.resolve("ca.pem"), pki.caCertificatePem());
    otherCaPem =
        Files.writeString(
            shared.resolve("other-ca.pem"), TestPki.builder().build().caCertificatePem());
  }

  private Path json(String name, String content) throws Exception {
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }

  private static Run signJson(Path p12File, Path input, Path output, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "sign-json",
                "--key",
                p12File.toString(),
                "--password-env",
                "ONCEFORM_KEY_PASSWORD"));
    args.addAll(List.of(options));
    args.addAll(List.of(input.toString(), "-o", output.toString()));
    return run(ENV, args.toArray(String[]::new));
  }

  private static Run verify(Path trust, Path jws, Path data, String... options) {
    List<String> args =
        new ArrayList<>(List.of("verify", "--trust", trust.toString(), "--jws", jws.toString()));
    args.addAll(List.of(options));
    args.add(data.toString());
    return run(Map.of(), args.toArray(String[]::new));
  }

  @Test
  void signJson_thenVerifyJws_passes() throws Exception {
    Path data = json("result.json", RESULT);
    Path jws = dir.resolve("out/result.json.jws");

    Run signed = signJson(p12, data, jws);

    assertThat(signed.exitCode()).as(signed.err()).isZero();
    assertThat(signed.out().lines()).hasSize(1);
    assertThat(signed.out())
        .startsWith(jws + ": JWS RS256 over " + data + ", signed by ")
        .contains(pki.signerCertificate().getSubjectX500Principal().getName());
    String compact = Files.readString(jws, StandardCharsets.US_ASCII);
    assertThat(compact).matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+");
    Run verified = verify(caPem, jws, data, "--lang", "en");
    assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
    assertThat(verified.out())
        .startsWith(data + ": TOTAL_PASSED — ")
        .contains("JWS RS256")
        .contains("Signer: ")
        .contains("Signing time (claimed): ");
  }

  @Test
  void signJson_samePayloadOtherSpacingAndOrder_stillPasses() throws Exception {
    Path data = json("result.json", RESULT);
    Path jws = dir.resolve("result.json.jws");
    assertThat(signJson(p12, data, jws).exitCode()).isZero();
    Path reformatted =
        json(
            "reformatted.json",
            new ObjectMapper()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(new ObjectMapper().readTree(RESULT)));

    assertThat(verify(caPem, jws, reformatted).exitCode()).isZero();
  }

  @Test
  void verifyJws_changedJson_totalFailedExit1() throws Exception {
    Path data = json("result.json", RESULT);
    Path jws = dir.resolve("result.json.jws");
    assertThat(signJson(p12, data, jws).exitCode()).isZero();
    Path changed = json("changed.json", RESULT.replace("\"fee\": 0", "\"fee\": 1"));

    Run run = verify(caPem, jws, changed, "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("format").asText()).isEqualTo("JWS");
    assertThat(report.get("indication").asText()).isEqualTo("TOTAL_FAILED");
    assertThat(report.get("subIndication").asText()).isNotEmpty();
    assertThat(report.at("/reason/en").asText()).isNotEmpty();
  }

  @Test
  void verifyJws_untrustedCa_indeterminateExit3() throws Exception {
    Path data = json("result.json", RESULT);
    Path jws = dir.resolve("result.json.jws");
    assertThat(signJson(p12, data, jws).exitCode()).isZero();

    Run run = verify(otherCaPem, jws, data);

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).contains("INDETERMINATE/NO_CERTIFICATE_CHAIN_FOUND");
  }

  @Test
  void verifyJws_json_reportsAlgorithmSignerAndTime() throws Exception {
    Path data = json("result.json", RESULT);
    Path jws = dir.resolve("result.json.jws");
    assertThat(signJson(p12, data, jws, "--alg", "PS256").exitCode()).isZero();

    Run run = verify(caPem, jws, data, "--json");

    assertThat(run.exitCode()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("indication").asText()).isEqualTo("TOTAL_PASSED");
    assertThat(report.has("subIndication")).isFalse();
    assertThat(report.get("algorithm").asText()).isEqualTo("PS256");
    assertThat(report.get("signer").asText())
        .isEqualTo(pki.signerCertificate().getSubjectX500Principal().getName());
    assertThat(report.get("signingTime").asText()).isNotEmpty();
  }

  @Test
  void signJson_ecKey_defaultsToEs256() throws Exception {
    TestPki ec = TestPki.builder().keyType(TestPki.KeyType.EC_P256).build();
    Path ecP12 = dir.resolve("ec.p12");
    ec.writePkcs12(ecP12, PASSWORD.toCharArray());
    Path ecCa = Files.writeString(dir.resolve("ec-ca.pem"), ec.caCertificatePem());
    Path data = json("result.json", RESULT);
    Path jws = dir.resolve("result.json.jws");

    Run signed = signJson(ecP12, data, jws);

    assertThat(signed.exitCode()).as(signed.err()).isZero();
    assertThat(signed.out()).contains("JWS ES256");
    assertThat(verify(ecCa, jws, data).exitCode()).isZero();
  }

  @Test
  void signJson_algorithmNotFittingKey_exit2() throws Exception {
    Run run = signJson(p12, json("result.json", RESULT), dir.resolve("x.jws"), "--alg", "ES256");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("OF-SIGN-503").doesNotContain("Exception");
  }

  @Test
  void signJson_unknownAlgorithm_exit2ListingTheAlgorithms() throws Exception {
    Run run = signJson(p12, json("result.json", RESULT), dir.resolve("x.jws"), "--alg", "HS256");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("HS256").contains("RS256").contains("ES256");
  }

  @Test
  void signJson_notJson_exit2NothingWritten() throws Exception {
    Path jws = dir.resolve("x.jws");

    Run run = signJson(p12, json("result.json", "{\"a\": "), jws);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("OF-SIGN-502");
    assertThat(jws).doesNotExist();
  }

  @Test
  void signJson_passwordVariableUnset_exit2() throws Exception {
    Run run =
        run(
            Map.of(),
            "sign-json",
            "--key",
            p12.toString(),
            "--password-env",
            "ONCEFORM_KEY_PASSWORD",
            json("result.json", RESULT).toString(),
            "-o",
            dir.resolve("x.jws").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("ONCEFORM_KEY_PASSWORD", "is not set");
  }

  @Test
  void verifyJws_missingSignatureFile_exit2() throws Exception {
    Run run = verify(caPem, dir.resolve("none.jws"), json("result.json", RESULT));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("none.jws: file not found");
  }
}
