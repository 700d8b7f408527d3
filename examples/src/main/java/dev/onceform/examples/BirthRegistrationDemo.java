package dev.onceform.examples;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.FormEngine;
import dev.onceform.core.Purpose;
import dev.onceform.core.Subject;
import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.result.PdfRenderer;
import dev.onceform.core.result.QrVerification;
import dev.onceform.core.result.ReceiptNumbers;
import dev.onceform.core.result.ResultData;
import dev.onceform.core.result.ResultDocument;
import dev.onceform.core.result.ResultDocuments;
import dev.onceform.core.result.ResultTemplate;
import dev.onceform.core.result.ResultTemplates;
import dev.onceform.core.validation.ValidationReport;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.SampleForms;
import dev.onceform.signing.PadesSigner;
import dev.onceform.signing.Pem;
import dev.onceform.signing.SignatureAppearance;
import dev.onceform.signing.SignatureReport;
import dev.onceform.signing.SignatureVerifier;
import dev.onceform.signing.VerificationReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The thin end-to-end path of OnceForm, on the embedded defaults: a mother logs in, the birth
 * registration form is prefilled from a (synthetic) population database over JDBC, she completes
 * the child's part, the submission is validated, rendered as a PDF in Vietnamese, signed (PAdES
 * B-B) with a throw-away test certificate, and the signature is verified against the test CA; then
 * the commune issues the result, the birth registration extract (TRÍCH LỤC KHAI SINH), as a
 * PDF/A-3b document with its {@code result.json}, signed at PAdES B-LT (a timestamp from a loopback
 * test TSA, the test CAs' CRLs in the document) and verified.
 *
 * <p>Run it with {@code bin/onceform demo}, or {@code java
 * dev.onceform.examples.BirthRegistrationDemo [OUT_DIR]}.
 */
public final class BirthRegistrationDemo {
  /** The password of the demo's throw-away PKCS#12 file (a test key, never a real one). */
  static final char[] DEMO_PASSWORD = "onceform-demo".toCharArray();

  /**
   * The personal ID the officer gives the child when registering the birth, built as the synthetic
   * population builds IDs: {@code 066} (registered in Đắk Lắk), {@code 2} (male, born in the 21st
   * century), {@code 26} (born in 2026), six digits. Invented, like every person of the demo.
   */
  static final String CHILD_ID = "066226001357";

  /** The birth registration extract's number in the commune's register, given by the officer. */
  static final String REGISTRATION_NUMBER = "125/2026";

  /** The civil-status officer who signs the extract (invented). */
  static final String SIGNER_NAME = "Lê Văn Nam";

  private final Path out;
  private final PrintStream log;
  private final Clock clock;

  /**
   * Creates the demo.
   *
   * @param out the directory for the files the demo writes (created if missing)
   * @param log where the demo says what it does
   * @param clock the clock for dates in the documents (PDF, signature, certificates); prefill runs
   *     on the system clock
   */
  public BirthRegistrationDemo(Path out, PrintStream log, Clock clock) {
    this.out = requireNonNull(out, "out");
    this.log = requireNonNull(log, "log");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Runs the demo in {@code ./out} (or the directory given) and prints what it did. */
  public static void main(String[] args) {
    Path out = Path.of(args.length > 0 ? args[0] : "out");
    Outcome outcome = new BirthRegistrationDemo(out, System.out, Clock.systemUTC()).run();
    boolean ok =
        outcome.valid()
            && outcome.verification().equals("TOTAL_PASSED")
            && outcome.resultVerification().equals("TOTAL_PASSED")
            && outcome.resultLevel().equals("B_LT")
            && outcome.resultQr().equals("MATCH");
    System.exit(ok ? 0 : 1);
  }

  /**
   * What the demo produced.
   *
   * @param valid whether the prefilled and completed submission was valid
   * @param verification the indication of the signature verification
   * @param submission the submission file
   * @param signedPdf the signed PDF
   * @param caCertificate the test CA's certificate, to verify the PDF with
   * @param resultPdf the birth registration extract (the result), with {@code result.json} embedded
   *     and written beside it, signed at PAdES B-LT
   * @param resultVerification the indication of the result's signature verification
   * @param resultLevel the PAdES level the result's signature reached: {@code B_LT} when all is
   *     well
   * @param resultQr whether the extract's QR code matches its embedded {@code result.json}: {@code
   *     MATCH} when all is well
   * @param prefill what the prefill from the H2 database and the HTTP registry produced, with the
   *     sources configuration file it wrote
   */
  public record Outcome(
      boolean valid,
      String verification,
      Path submission,
      Path signedPdf,
      Path caCertificate,
      Path resultPdf,
      String resultVerification,
      String resultLevel,
      String resultQr,
      PrefillDemo.Outcome prefill) {}

  /**
   * Runs every step and returns what it produced; then prefills two more forms from the H2
   * population database and the loopback business registry ({@link PrefillDemo}). The population
   * database is a file, {@code population-db/population.mv.db} in the output directory, that stays
   * after the demo for {@code onceform prefill --config sources.json}.
   */
  public Outcome run() {
    try (SyntheticPopulation population =
            SyntheticPopulation.createFile(out.resolve("population-db"));
        LoopbackEnterpriseRegistry enterprises = LoopbackEnterpriseRegistry.start()) {
      Signed outcome = run(population);
      PrefillDemo.Outcome prefill = new PrefillDemo(out, log).run(population, enterprises);
      return new Outcome(
          outcome.valid(),
          outcome.verification(),
          outcome.submission(),
          outcome.signedPdf(),
          outcome.caCertificate(),
          outcome.resultPdf(),
          outcome.resultVerification(),
          outcome.resultLevel(),
          outcome.resultQr(),
          prefill);
    }
  }

  /** The steps before the prefill demo: the outcome's {@code prefill} is filled in later. */
  private record Signed(
      boolean valid,
      String verification,
      Path submission,
      Path signedPdf,
      Path caCertificate,
      Path resultPdf,
      String resultVerification,
      String resultLevel,
      String resultQr) {}

  private Signed run(SyntheticPopulation population) {
    createDirectories(out);
    FormDefinition form = SampleForms.get("birth-registration", "0.1.0").orElseThrow();
    // Registry calls have real deadlines: the engine runs on the system clock, like the adapter;
    // the demo's clock dates the documents.
    FormEngine engine = FormEngine.builder().form(form).adapter(population.adapter()).build();
    log.printf(
        "1. Form %s loaded: %s (%d fields)%n", form, form.title().vi(), form.fields().size());

    ObjectNode submission = prefill(engine);
    completeByCitizen(submission);
    ValidationReport report = engine.validate(form.id(), submission);
    log.printf("3. Validation: %s%n", report.valid() ? "valid" : "INVALID");
    report
        .problems()
        .forEach(p -> log.printf("   %s  %s  %s%n", p.pointer(), p.code(), p.message().vi()));
    Path submissionFile = write("birth-registration-submission.json", json(submission));

    byte[] pdf =
        PdfRenderer.builder()
            .clock(clock)
            .build()
            .renderSubmission(form, submission, Locale.forLanguageTag("vi"));
    log.printf(
        "4. Rendered the declaration as PDF (%,d bytes, embedded Vietnamese font)%n", pdf.length);

    DemoPki pki = new DemoPki(clock);
    Path ca = write(DemoPki.ROOT_CA, utf8(pki.rootPem()));
    write(DemoPki.ISSUING_CA, utf8(pki.issuingPem()));
    Path p12 = write("test-signer.p12", file -> pki.pki().writePkcs12(file, DEMO_PASSWORD));
    log.printf(
        "5. Created a throw-away test PKI: root CA %s, issuing CA, signer %s (%s)%n",
        ca, pki.signerKey().certificate().getSubjectX500Principal().getName(), p12);
    byte[] signed =
        PadesSigner.builder()
            .key(pki.signerKey())
            .clock(clock)
            .reason("Tờ khai đăng ký khai sinh")
            .build()
            .sign(pdf);
    Path signedFile = write("birth-registration-signed.pdf", signed);
    log.printf("6. Signed as PAdES B-B -> %s%n", signedFile);

    List<X509Certificate> anchors = Pem.readCertificates(ca);
    VerificationReport verification =
        SignatureVerifier.builder().trustAnchors(anchors).clock(clock).build().verify(signed);
    log.printf(
        "7. Verified against %s: %s — %s%n",
        ca, verification.indication(), verification.reason().vi());
    Issued issued = issueResult(form, submission, pki, anchors);
    return new Signed(
        report.valid(),
        verification.indication().name(),
        submissionFile,
        signedFile,
        ca,
        issued.pdf(),
        issued.verification().indication().name(),
        issued.level(),
        issued.qr().name());
  }

  /** The signed result PDF, the verification of its signature and the outcome of its QR check. */
  private record Issued(
      Path pdf, VerificationReport verification, String level, QrVerification.Status qr) {}

  /**
   * Step 8: the officer accepts the file, gives the child's personal ID and the register number,
   * and the commune issues the birth registration extract: {@code result.json} and the PDF that
   * shows it, with a QR code over the embedded data, signed by the commune at PAdES B-LT and
   * verified; the test CAs' CRLs are written beside it.
   */
  private Issued issueResult(
      FormDefinition form, JsonNode submission, DemoPki pki, List<X509Certificate> anchors) {
    ResultTemplate template = ResultTemplates.builtIn("birth-certificate").orElseThrow();
    ResultData data =
        ResultData.builder(template, form)
            .submission(submission)
            .officerInput("registrationNumber", REGISTRATION_NUMBER)
            .officerInput("childPersonalId", CHILD_ID)
            .officerInput("signerName", SIGNER_NAME)
            .receiptNumber(ReceiptNumbers.daily(clock).next(template.agency().code()))
            .clock(clock)
            .build();
    ResultDocument result =
        PdfRenderer.builder()
            .clock(clock)
            .build()
            .renderResult(template, form, data, Locale.forLanguageTag("vi"));
    Path json = write("birth-certificate.result.json", result.json());
    // The signature is visible in the template's signature block, in the result's own font.
    Optional<SignatureAppearance> appearance =
        result
            .signatureArea()
            .map(
                area ->
                    SignatureAppearance.builder()
                        .page(area.page())
                        .rectangle(area.x(), area.y(), area.width(), area.height())
                        .font(PdfRenderer.regularFont())
                        .build());
    DemoPki.LongTerm signed =
        pki.signLongTerm(result.pdf(), "Trích lục khai sinh", "Hòa Phú, Đắk Lắk", appearance);
    Path pdf = write("birth-certificate.pdf", signed.pdf());
    List<X509CRL> crls = signed.crls();
    Path rootCrl = write(DemoPki.ROOT_CRL, utf8(Pem.encode(crls.get(0))));
    Path issuingCrl = write(DemoPki.ISSUING_CRL, utf8(Pem.encode(crls.get(1))));
    QrVerification.Status qr = ResultDocuments.verifyQr(signed.pdf()).status();
    log.printf(
        "8. Issued the result %s, receipt %s (%,d bytes, QR code %s) -> %s, %s%n",
        template.title().vi(), data.receiptNumber(), signed.pdf().length, qr, pdf, json);
    VerificationReport verification =
        SignatureVerifier.builder().trustAnchors(anchors).clock(clock).build().verify(signed.pdf());
    String level =
        verification.signatures().stream()
            .map(SignatureReport::level)
            .map(Enum::name)
            .findFirst()
            .orElse("NONE");
    log.printf(
        "   Signed it as PAdES B-LT, visibly in its signature block (timestamp from a loopback"
            + " test TSA, CRLs %s and %s in the document); verified against %s: %s, level %s —"
            + " %s%n",
        rootCrl,
        issuingCrl,
        out.resolve(DemoPki.ROOT_CA),
        verification.indication(),
        level,
        verification.reason().vi());
    return new Issued(pdf, verification, level, qr);
  }

  private ObjectNode prefill(FormEngine engine) {
    // The mother logs in with VNeID and types her own and the father's personal ID numbers.
    ObjectNode draft = JsonNodeFactory.instance.objectNode();
    draft.putObject("mother").put("personalId", InMemoryPopulationRegistry.MOTHER_ID);
    draft.putObject("father").put("personalId", InMemoryPopulationRegistry.FATHER_ID);
    PrefillResult prefill =
        engine.prefill(
            "birth-registration",
            Subject.person(InMemoryPopulationRegistry.MOTHER_ID),
            Purpose.of("birth-registration"),
            draft);
    log.printf(
        "2. Prefilled %d fields from the population registry; %d left for the citizen%n",
        prefill.provenance().size(), prefill.manual().size());
    prefill.manual().forEach(m -> log.printf("   %s: %s%n", m.pointer(), m.reason()));
    return (ObjectNode) prefill.data();
  }

  /** What only the citizen knows: the child, and how she relates to it. */
  static void completeByCitizen(ObjectNode submission) {
    ObjectNode applicant = (ObjectNode) submission.get("applicant");
    applicant.put("relationship", "mother").put("phone", "0912345678");
    submission
        .putObject("child")
        .put("fullName", "Trần Minh Khôi")
        .put("dateOfBirth", "2026-11-02")
        .put("sex", "male")
        .put("placeOfBirth", "Trạm Y tế xã Hòa Phú, Tỉnh Đắk Lắk")
        .put("ethnicity", "01")
        .put("nationality", "VN");
  }

  /** Writes a file completely or not at all (temporary file, then an atomic rename). */
  private Path write(String name, byte[] content) {
    return write(name, file -> Files.write(file, content));
  }

  private Path write(String name, FileWriter writer) {
    Path target = out.resolve(name);
    try {
      Path temp = Files.createTempFile(out, name, ".tmp");
      try {
        writer.write(temp);
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Writes one file. */
  private interface FileWriter {
    void write(Path file) throws IOException;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] json(JsonNode node) {
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }
}
