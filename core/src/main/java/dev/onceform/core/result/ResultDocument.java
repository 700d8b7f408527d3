package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;

/**
 * An electronic result: its data ({@code result.json}) and the PDF/A-3b document that shows it and
 * carries the same data as an attachment. Made by {@link PdfRenderer#renderResult}.
 *
 * @param data the result's data
 * @param pdf the rendered PDF; the accessor returns a copy
 * @param signatureArea where the signature goes in the PDF: the room in the template's signature
 *     block, empty if the template has none
 */
public record ResultDocument(ResultData data, byte[] pdf, Optional<SignatureArea> signatureArea) {
  /** Checks the parts and copies the PDF bytes. */
  public ResultDocument {
    requireNonNull(data, "data");
    pdf = requireNonNull(pdf, "pdf").clone();
    requireNonNull(signatureArea, "signatureArea");
  }

  /**
   * A result without a known signature area.
   *
   * @param data the result's data
   * @param pdf the rendered PDF
   */
  public ResultDocument(ResultData data, byte[] pdf) {
    this(data, pdf, Optional.empty());
  }

  /** Returns a copy of the PDF bytes. */
  @Override
  public byte[] pdf() {
    return pdf.clone();
  }

  /** Returns {@code result.json}, the canonical bytes embedded in the PDF. */
  public byte[] json() {
    return data.toJson();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResultDocument d
        && data.equals(d.data)
        && Arrays.equals(pdf, d.pdf)
        && signatureArea.equals(d.signatureArea);
  }

  @Override
  public int hashCode() {
    return (31 * data.hashCode() + Arrays.hashCode(pdf)) * 31 + signatureArea.hashCode();
  }

  @Override
  public String toString() {
    return "ResultDocument["
        + data.templateId()
        + ", "
        + data.receiptNumber()
        + ", "
        + pdf.length
        + " bytes]";
  }
}
