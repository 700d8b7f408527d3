package dev.onceform.signing;

/**
 * What a certification signature allows after it: the {@code /P} value of the DocMDP transform (ISO
 * 32000-1, 12.8.2.2). Pass one to {@link PadesSigner.Builder#certify(DocMdp)}.
 *
 * <p>Every level allows adding a Document Security Store and document timestamps (PAdES B-LT and
 * B-LTA). A verifier that checks DocMDP flags any other change as breaking the certification.
 */
public enum DocMdp {
  /** {@code /P 1}: no change at all; no further signature can be added. */
  NO_CHANGES(1),
  /** {@code /P 2}: filling in form fields and signing (further approval signatures). */
  FORM_FILLING(2),
  /** {@code /P 3}: as {@link #FORM_FILLING}, plus adding, changing and deleting annotations. */
  FORM_FILLING_AND_ANNOTATIONS(3);

  private final int permission;

  DocMdp(int permission) {
    this.permission = permission;
  }

  /**
   * Returns the {@code /P} value written to the transform parameters.
   *
   * @return 1, 2 or 3
   */
  public int permission() {
    return permission;
  }
}
