package dev.onceform.signing;

/**
 * Thrown by a verification check to stop checking one signature; never leaves the package. {@link
 * SignatureCheck} turns it into a {@link SignatureReport}. Checked, so that every check that can
 * end the validation says so in its signature.
 */
final class VerificationFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Finding finding;

  VerificationFailure(Indication indication, SubIndication sub, String key, String... args) {
    super(key, null, false, false);
    this.finding = Finding.of(indication, sub, key, args);
  }

  static VerificationFailure format(String key, String... args) {
    return new VerificationFailure(
        Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, key, args);
  }

  Finding finding() {
    return finding;
  }
}
