package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** The outcome of one check: an indication, a sub-indication and a message key with arguments. */
record Finding(
    Indication indication, Optional<SubIndication> subIndication, String key, List<String> args) {

  Finding {
    requireNonNull(indication, "indication");
    requireNonNull(subIndication, "subIndication");
    requireNonNull(key, "key");
    args = List.copyOf(args);
  }

  static Finding passed(String key, String... args) {
    return new Finding(Indication.TOTAL_PASSED, Optional.empty(), key, List.of(args));
  }

  static Finding of(Indication indication, SubIndication sub, String key, String... args) {
    return new Finding(indication, Optional.of(sub), key, List.of(args));
  }

  /** The finding for a parser that failed in a way not foreseen: a hostile or damaged file. */
  static Finding unreadable(RuntimeException e) {
    return of(
        Indication.TOTAL_FAILED,
        SubIndication.FORMAT_FAILURE,
        "signature.unreadable",
        PdfSignatureReader.describe(e));
  }

  /**
   * Checks the rule every report follows: a sub-indication exactly when the indication is not
   * {@link Indication#TOTAL_PASSED}.
   *
   * @throws IllegalArgumentException otherwise
   */
  static void requireConsistent(Indication indication, Optional<SubIndication> subIndication) {
    if ((indication == Indication.TOTAL_PASSED) == subIndication.isPresent()) {
      throw new IllegalArgumentException(
          "subIndication must be present exactly when indication is not TOTAL_PASSED, but was "
              + indication
              + "/"
              + subIndication);
    }
  }
}
