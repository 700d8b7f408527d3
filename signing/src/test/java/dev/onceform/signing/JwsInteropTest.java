package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.onceform.signing.testing.ExternalTool;
import dev.onceform.signing.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our detached JWS checked by an independent implementation: the {@code jose} npm package, run by
 * {@code interop/jose/verify.mjs}, which also computes the JCS form itself in JavaScript. {@code
 * npm ci --prefix interop/jose} installs it (CI does). Skipped when Node or the install is missing,
 * unless {@code ONCEFORM_REQUIRE_TOOLS=1}.
 */
class JwsInteropTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-03T08:30:00Z"), ZoneOffset.UTC);

  private static final String RESULT =
      """
      {"registrationNumber": "126/2026", "fee": 0, "weightKg": 3.25, "ratio": 1e-7,
       "child": {"fullName": "Trần Gia Huy", "personalId": "066226001358"},
       "notes": ["tab\\there", "quote \\" and \\\\", "\\u20ac \\ud83d\\ude00 \\u001f"], "big": 1E21}
      """;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(names = {"RS256", "PS256", "ES256"})
  void joseVerifies_ourJws(JwsAlgorithm algorithm) throws Exception {
    TestPki pki =
        TestPki.builder()
            .clock(CLOCK)
            .keyType(
                algorithm == JwsAlgorithm.ES256
                    ? TestPki.KeyType.EC_P256
                    : TestPki.KeyType.RSA_2048)
            .build();
    String jws =
        JsonSigner.builder()
            .key(pki.signerKey())
            .algorithm(algorithm)
            .clock(CLOCK)
            .build()
            .sign(RESULT.getBytes(StandardCharsets.UTF_8));

    ExternalTool.Result good = verify(RESULT, jws);
    ExternalTool.Result tampered = verify(RESULT.replace("066226001358", "066226001359"), jws);

    assertThat(good.exitCode()).as(good.output()).isZero();
    assertThat(good.output()).contains("verified " + algorithm + " sigT=2026-12-03T08:30:00Z");
    assertThat(tampered.exitCode()).as(tampered.output()).isEqualTo(1);
    assertThat(tampered.output()).contains("rejected");
  }

  @Test
  void javascriptCanonicalForm_equalsOurs() throws Exception {
    Path json = Files.writeString(dir.resolve("result.json"), RESULT, StandardCharsets.UTF_8);

    ExternalTool.Result result =
        node().run(TIMEOUT, script().toString(), "--canonical", json.toString());

    String ours =
        new String(
            new Jcs().canonicalize(Files.readAllBytes(json), Jcs.Numbers.EXACT),
            StandardCharsets.UTF_8);
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).isEqualTo(ours);
  }

  private ExternalTool.Result verify(String json, String jws) throws Exception {
    Path jsonFile = Files.writeString(dir.resolve("result.json"), json, StandardCharsets.UTF_8);
    Path jwsFile =
        Files.writeString(dir.resolve("result.json.jws"), jws, StandardCharsets.US_ASCII);
    return node().run(TIMEOUT, script().toString(), jsonFile.toString(), jwsFile.toString());
  }

  private static ExternalTool node() {
    ExternalTool node = ExternalTool.require("node", "install nodejs and npm");
    if (!Files.isDirectory(script().resolveSibling("node_modules").resolve("jose"))) {
      String hint = "jose is not installed; run: npm ci --prefix interop/jose";
      if ("1".equals(System.getenv("ONCEFORM_REQUIRE_TOOLS"))) {
        fail(hint);
      }
      Assumptions.abort(hint);
    }
    return node;
  }

  private static Path script() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("interop/jose/verify.mjs");
      if (Files.isRegularFile(candidate) && Files.isRegularFile(d.resolve("mvnw"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "interop/jose/verify.mjs not found above the working directory");
  }
}
