package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * An electronic result: its data ({@code result.json}) and the PDF/A-3b document that shows it and
 * carries the same data as an attachment. Made by {@link PdfRenderer#renderResult}.
 *
 * @param data the result's data
 * @param pdf the rendered PDF; the accessor returns a copy
 */
public record ResultDocument(ResultData data, byte[] pdf) {
  /** Checks the parts and copies the PDF bytes. */
  public ResultDocument {
    requireNonNull(data, "data");
    pdf = requireNonNull(pdf, "pdf").clone();
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
    return other instanceof ResultDocument d && data.equals(d.data) && Arrays.equals(pdf, d.pdf);
  }

  @Override
  public int hashCode() {
    return 31 * data.hashCode() + Arrays.hashCode(pdf);
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
