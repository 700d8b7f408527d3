package dev.onceform.cli;

import dev.onceform.signing.JsonSigner;
import dev.onceform.signing.JwsAlgorithm;
import dev.onceform.signing.spi.SignerKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code onceform sign-json}: signs JSON (e.g. a {@code result.json}) with a detached JWS over its
 * JCS canonical form, from a PKCS#12 key.
 */
@Command(
    name = "sign-json",
    mixinStandardHelpOptions = true,
    description = {
      "Signs IN.json with a detached JWS (RFC 7515, RFC 7797 b64:false) over its JCS canonical"
          + " form (RFC 8785), with x5c, the signing time and JAdES baseline B header fields, and"
          + " writes the compact JWS (HEADER..SIGNATURE) to OUT.jws. The JSON file is not changed: the"
          + " signature stays valid whatever its spacing or member order.",
      "The key comes from a PKCS#12 file; its password from the environment variable named by"
          + " --password-env, never from the command line.",
      "Exit codes: 0 signed, 2 bad usage, unreadable input, wrong password or a key that cannot"
          + " be used."
    })
final class SignJsonCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand @Nullable Main main;

  @CommandLine.Mixin KeyOptions key = new KeyOptions();

  @Option(
      names = "--alg",
      paramLabel = "ALG",
      description =
          "JWS algorithm: ${COMPLETION-CANDIDATES} (default: RS256 for an RSA key, ES256/384/512"
              + " by curve for an ECDSA key).")
  @Nullable JwsAlgorithm alg;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT.jws",
      description = "The detached JWS to write (replaced if it exists).")
  Path output = Path.of("");

  @Parameters(paramLabel = "IN.json", description = "The JSON to sign, e.g. result.json.")
  Path input = Path.of("");

  @Override
  public Integer call() {
    byte[] json = InputFiles.read(input);
    SignerKey signerKey = key.load(env());
    JsonSigner.Builder builder = JsonSigner.builder().key(signerKey);
    if (alg != null) {
      builder.algorithm(alg);
    }
    JsonSigner signer = builder.build();
    byte[] jws = signer.sign(json).getBytes(StandardCharsets.US_ASCII);
    new OutputFiles().add(output, jws).write();
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "%s: JWS %s over %s, signed by %s (%,d bytes)%n",
            output,
            signer.algorithm(),
            input,
            KeyOptions.subject(signerKey),
            jws.length);
    return ExitCode.OK;
  }

  private Map<String, String> env() {
    return main == null ? System.getenv() : main.env();
  }
}
