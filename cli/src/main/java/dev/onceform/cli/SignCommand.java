package dev.onceform.cli;

import dev.onceform.core.result.PdfRenderer;
import dev.onceform.signing.DigestAlgorithm;
import dev.onceform.signing.PadesSigner;
import dev.onceform.signing.Pem;
import dev.onceform.signing.RsaPadding;
import dev.onceform.signing.SignatureAppearance;
import dev.onceform.signing.TimestampClient;
import dev.onceform.signing.spi.SignerKey;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code onceform sign}: signs a PDF with a PAdES baseline signature, from a PKCS#12 key. */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = {
      "Signs IN.pdf with an invisible PAdES baseline signature (ETSI EN 319 142-1), as an"
          + " incremental update (a PDF/A-3b file stays PDF/A-3b), and writes OUT.pdf completely"
          + " or not at all.",
      "The key comes from a PKCS#12 file; its password from the environment variable named by"
          + " --password-env, never from the command line.",
      "Exit codes: 0 signed, 2 bad usage, unreadable input, wrong password or a key, TSA or"
          + " revocation data that cannot be used."
    })
final class SignCommand implements Callable<Integer> {
  private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
  private static final Pattern VISIBLE =
      Pattern.compile("(\\d{1,9}):" + String.join(",", NUMBER, NUMBER, NUMBER, NUMBER));

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand @Nullable Main main;

  @CommandLine.Mixin KeyOptions key = new KeyOptions();

  @Option(
      names = "--level",
      paramLabel = "LEVEL",
      defaultValue = "B-B",
      converter = SigningLevel.Converter.class,
      completionCandidates = SigningLevel.Labels.class,
      description =
          "PAdES baseline level: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). B-T adds"
              + " a signature timestamp from --tsa; B-LT also adds the validation data"
              + " (certificates, CRLs or OCSP responses) for long-term validation; B-LTA then adds a"
              + " document timestamp from the same TSA.")
  SigningLevel level = SigningLevel.B_B;

  @Option(
      names = "--tsa",
      paramLabel = "URL",
      description =
          "The RFC 3161 time-stamping authority (http or https); required by B-T, B-LT and B-LTA.")
  @Nullable String tsa;

  @Option(
      names = "--tsa-trust",
      paramLabel = "TSA-CA.pem",
      description =
          "PEM file with the CA certificate(s) the TSA's certificate must chain to (default: the"
              + " top certificate of the key file's chain, i.e. the signer's own CA).")
  @Nullable Path tsaTrust;

  @Option(
      names = "--crl",
      paramLabel = "CRL.pem",
      description =
          "B-LT and B-LTA only, repeatable: PEM file(s) with the CRLs of the CAs of the signer's and the"
              + " TSA's chains; then only these are used, offline. Without --crl, B-LT asks the"
              + " OCSP responders and CRL URLs named in the certificates.")
  List<Path> crls = new ArrayList<>();

  @Option(
      names = "--digest",
      paramLabel = "DIGEST",
      defaultValue = "SHA256",
      description = "Digest algorithm: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  DigestAlgorithm digest = DigestAlgorithm.SHA256;

  @Option(
      names = "--rsa-padding",
      paramLabel = "PADDING",
      defaultValue = "PKCS1_V1_5",
      description =
          "Padding of an RSA signature: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); PSS"
              + " needs an RSA key.")
  RsaPadding rsaPadding = RsaPadding.PKCS1_V1_5;

  @Option(
      names = "--visible",
      paramLabel = "PAGE:X,Y,W,H",
      description =
          "Draw the signature visibly: the page (from 1), then the rectangle in points (1/72 inch)"
              + " from the page's lower-left corner, e.g. 1:330,60,220,60. It shows the signer's"
              + " name, organisation and signing time, or the --line texts.")
  @Nullable String visible;

  @Option(
      names = "--font",
      paramLabel = "FONT.ttf",
      description =
          "With --visible: the TrueType font of its text (default: the bundled Liberation Serif,"
              + " which has every Vietnamese letter).")
  @Nullable Path font;

  @Option(
      names = "--line",
      paramLabel = "TEXT",
      description = "With --visible, repeatable: a line of text instead of the default lines.")
  List<String> lines = new ArrayList<>();

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "The reason PDF viewers show, e.g. \"Xác nhận hồ sơ\".")
  @Nullable String reason;

  @Option(
      names = "--location",
      paramLabel = "TEXT",
      description = "The location PDF viewers show, e.g. \"Hòa Phú, Việt Nam\".")
  @Nullable String location;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT.pdf",
      description = "The signed PDF to write (replaced if it exists).")
  Path output = Path.of("");

  @Parameters(paramLabel = "IN.pdf", description = "The PDF to sign.")
  Path input = Path.of("");

  @Override
  public Integer call() {
    checkOptions();
    byte[] pdf = InputFiles.read(input);
    SignerKey signerKey = key.load(env());
    PadesSigner.Builder signer =
        PadesSigner.builder()
            .key(signerKey)
            .level(level.pades())
            .digest(digest)
            .rsaPadding(rsaPadding);
    try {
      if (reason != null) {
        signer.reason(reason);
      }
      if (location != null) {
        signer.location(location);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException("--reason and --location must not be blank");
    }
    if (visible != null) {
      signer.appearance(appearance(visible));
    }
    if (tsa != null) {
      signer.timestampClient(timestampClient(tsa, signerKey));
    }
    if (level.longTerm()) {
      signer.revocationSource(Timestamping.revocationSource(crls));
    }
    byte[] signed = signer.build().sign(pdf);
    new OutputFiles().add(output, signed).write();
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "%s: PAdES %s, signed by %s (%,d bytes)%n",
            output,
            level.label(),
            KeyOptions.subject(signerKey),
            signed.length);
    return ExitCode.OK;
  }

  private void checkOptions() {
    if (level.timestamped() && tsa == null) {
      throw new UsageException(
          "--level "
              + level.label()
              + " needs a timestamp: add --tsa URL of a time-stamping"
              + " authority");
    }
    if (!level.timestamped() && (tsa != null || tsaTrust != null)) {
      throw new UsageException(
          "--tsa and --tsa-trust apply only to a timestamped level; add --level B-T (or B-LT) or drop them");
    }
    if (visible == null && (font != null || !lines.isEmpty())) {
      throw new UsageException(
          "--font and --line apply only to a visible signature; add --visible PAGE:X,Y,W,H or drop"
              + " them");
    }
    if (!level.longTerm() && !crls.isEmpty()) {
      throw new UsageException(
          "--crl applies only to --level B-LT or B-LTA (validation data); add --level B-LT or drop it");
    }
  }

  /** The visible signature --visible PAGE:X,Y,W,H describes, with --font and --line. */
  private SignatureAppearance appearance(String spec) {
    Matcher matcher = VISIBLE.matcher(spec.strip());
    if (!matcher.matches()) {
      throw new UsageException(
          "--visible '"
              + spec
              + "' is not PAGE:X,Y,W,H; write the page from 1 and the rectangle in points, e.g."
              + " 1:330,60,220,60");
    }
    try {
      SignatureAppearance.Builder appearance =
          SignatureAppearance.builder()
              .page(Integer.parseInt(matcher.group(1)) - 1)
              .rectangle(
                  Double.parseDouble(matcher.group(2)),
                  Double.parseDouble(matcher.group(3)),
                  Double.parseDouble(matcher.group(4)),
                  Double.parseDouble(matcher.group(5)))
              .font(font == null ? PdfRenderer.regularFont() : InputFiles.read(font));
      if (!lines.isEmpty()) {
        appearance.lines(lines);
      }
      return appearance.build();
    } catch (NumberFormatException e) {
      throw new UsageException("--visible '" + spec + "': the page number is too large");
    } catch (IllegalArgumentException e) {
      throw new UsageException("--visible '" + spec + "': " + e.getMessage());
    }
  }

  private Map<String, String> env() {
    return main == null ? System.getenv() : main.env();
  }

  private TimestampClient timestampClient(String url, SignerKey signerKey) {
    return Timestamping.client(url, tsaAnchors(signerKey));
  }

  /** The --tsa-trust certificates, or else the top of the key's chain (the signer's CA). */
  private List<X509Certificate> tsaAnchors(SignerKey signerKey) {
    if (tsaTrust != null) {
      InputFiles.read(tsaTrust);
      return Pem.readCertificates(tsaTrust);
    }
    List<X509Certificate> chain = signerKey.certificateChain();
    if (chain.size() < 2) {
      throw new UsageException(
          key.key
              + " holds the signer certificate without its CA, so the TSA cannot be checked"
              + " against it; add --tsa-trust TSA-CA.pem");
    }
    return List.of(chain.get(chain.size() - 1));
  }
}
