package dev.onceform.core.testing;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Checks PDF/A conformance with veraPDF (its Greenfield parser, no PDFBox of its own). The foundry
 * is registered explicitly once, instead of by ServiceLoader, so that it works on the
 * patched-module test class path.
 */
public final class PdfA {
  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private PdfA() {}

  /**
   * Returns veraPDF's failed rules for PDF/A-3b, one line each ({@code clause-test: message at
   * context}); empty when the document conforms.
   */
  public static List<String> failuresOf3b(byte[] pdf) throws Exception {
    PDFAFlavour flavour = PDFAFlavour.PDFA_3_B;
    try (PDFAParser parser =
            Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
      ValidationResult result = validator.validate(parser);
      List<String> failures =
          result.getTestAssertions().stream()
              .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
              .map(
                  a ->
                      a.getRuleId().getClause()
                          + "-"
                          + a.getRuleId().getTestNumber()
                          + ": "
                          + a.getMessage()
                          + " at "
                          + a.getLocationContext())
              .distinct()
              .toList();
      if (!result.isCompliant() && failures.isEmpty()) {
        return List.of("not compliant: " + result.getJobEndStatus());
      }
      return failures;
    }
  }
}
