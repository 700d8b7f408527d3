package dev.onceform.cli;

import dev.onceform.signing.PadesLevel;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * The values of {@code onceform sign --level}, as ETSI writes them ({@code B-B}, {@code B-T},
 * {@code B-LT}, {@code B-LTA}). A new level is one more constant here: the option's help, its error
 * message and the {@code --tsa} check follow.
 */
enum SigningLevel {
  /** Baseline B-B: the signature alone. */
  B_B("B-B", PadesLevel.B_B, false),
  /** Baseline B-T: B-B plus a signature timestamp from the TSA given with {@code --tsa}. */
  B_T("B-T", PadesLevel.B_T, true),
  /**
   * Baseline B-LT: B-T plus the validation data (certificates, CRLs or OCSP responses) in a DSS,
   * from the URLs in the certificates or from the files given with {@code --crl}.
   */
  B_LT("B-LT", PadesLevel.B_LT, true),
  /**
   * Baseline B-LTA: B-LT plus a document timestamp from the same TSA over the signature and DSS.
   */
  B_LTA("B-LTA", PadesLevel.B_LTA, true);

  private final String label;
  private final PadesLevel pades;
  private final boolean timestamped;

  SigningLevel(String label, PadesLevel pades, boolean timestamped) {
    this.label = label;
    this.pades = pades;
    this.timestamped = timestamped;
  }

  /** The level as written on the command line, e.g. {@code B-T}. */
  String label() {
    return label;
  }

  /** The level to ask {@link dev.onceform.signing.PadesSigner} for. */
  PadesLevel pades() {
    return pades;
  }

  /** Whether the level needs a signature timestamp, hence {@code --tsa}. */
  boolean timestamped() {
    return timestamped;
  }

  /** Whether the level adds validation data, hence takes {@code --crl}. */
  boolean longTerm() {
    return pades == PadesLevel.B_LT || pades == PadesLevel.B_LTA;
  }

  /** The labels, e.g. {@code B-B, B-T, B-LT}. */
  static String labels() {
    return Arrays.stream(values()).map(SigningLevel::label).collect(Collectors.joining(", "));
  }

  /** Reads {@code B-T}, {@code b-t} or {@code B_T}; anything else names the levels accepted. */
  static final class Converter implements CommandLine.ITypeConverter<SigningLevel> {
    @Override
    public SigningLevel convert(String value) {
      String normalised = value.strip().toUpperCase(Locale.ROOT).replace('_', '-');
      for (SigningLevel level : values()) {
        if (level.label.equals(normalised)) {
          return level;
        }
      }
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a signing level; use one of " + labels());
    }
  }

  /** The labels, for {@code ${COMPLETION-CANDIDATES}} in the help. */
  static final class Labels implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(SigningLevel::label).iterator();
    }
  }
}
