package dev.onceform.signing.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code openssl cms -verify} on a PDF signature's CMS and the bytes its ByteRange covers, with the
 * chain checked up to a root CA: what anyone can run on an extracted signature.
 */
public final class OpensslCms {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private OpensslCms() {}

  /**
   * Writes the parts and the root into {@code directory} and runs {@code openssl cms -verify
   * -CAfile ROOT -purpose any} (a document-signing certificate has no S/MIME usage); intermediates
   * come from the CMS. Skips or fails the calling test if openssl is missing ({@link
   * ExternalTool}).
   *
   * @param at the time to check the chain at, or null for now
   */
  public static ExternalTool.Result verify(
      Path directory, SignedPdfParts parts, String rootPem, @Nullable Instant at)
      throws IOException, InterruptedException {
    ExternalTool openssl = ExternalTool.require("openssl", "install openssl");
    Path cms = Files.write(directory.resolve("signature.p7s"), parts.cms());
    Path content = Files.write(directory.resolve("signed-range.bin"), parts.signedContent());
    Path root = Files.writeString(directory.resolve("root-ca.pem"), rootPem);
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "cms",
                "-verify",
                "-binary",
                "-inform",
                "DER",
                "-in",
                cms.toString(),
                "-content",
                content.toString(),
                "-CAfile",
                root.toString(),
                "-purpose",
                "any",
                "-out",
                directory.resolve("content.out").toString()));
    if (at != null) {
      arguments.addAll(List.of("-attime", Long.toString(at.getEpochSecond())));
    }
    return openssl.run(TIMEOUT, arguments.toArray(String[]::new));
  }
}
