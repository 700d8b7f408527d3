package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

import dev.onceform.schema.LocalizedText;
import java.util.List;
import java.util.Optional;

/**
 * The declaration of a procedure's electronic result (a certificate, an extract, a notice), read
 * from a JSON file that follows {@link ResultSchemas#TEMPLATE}: its title, the issuing agency, the
 * fields of the result and where each value comes from, and the layout a renderer draws. A form
 * names its template with {@code x-form.result}.
 *
 * <p>Immutable and thread-safe. Load one with {@link ResultTemplates#load} or {@link
 * ResultTemplates#builtIn}; the format is described in {@code docs/results.md}.
 *
 * @param id the template id, e.g. {@code birth-certificate}
 * @param version the template's semantic version, e.g. {@code 1.0.0}
 * @param form the id of the form whose submissions it turns into results
 * @param title the document title, e.g. {@code TRÍCH LỤC KHAI SINH}
 * @param agency the issuing agency, as a default that an integrator may override per result
 * @param subject the id of the field that identifies whom the result is about
 * @param number the id of the field printed as the document number, if any
 * @param fields the fields of the result, ids unique
 * @param layout what a renderer draws below the title, top to bottom
 * @param source where the template was read from, for messages
 */
public record ResultTemplate(
    String id,
    String version,
    String form,
    LocalizedText title,
    Agency agency,
    String subject,
    Optional<String> number,
    List<ResultField> fields,
    List<LayoutBlock> layout,
    String source) {

  /** Checks the parts and copies the lists. */
  public ResultTemplate {
    requireNonNull(id, "id");
    requireNonNull(version, "version");
    requireNonNull(form, "form");
    requireNonNull(title, "title");
    requireNonNull(agency, "agency");
    requireNonNull(subject, "subject");
    requireNonNull(number, "number");
    fields = List.copyOf(fields);
    layout = List.copyOf(layout);
    requireNonNull(source, "source");
  }

  /** Returns the field with an id, if the template has one. */
  public Optional<ResultField> field(String fieldId) {
    requireNonNull(fieldId, "fieldId");
    return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
  }

  /** Returns the tables of the layout, in layout order. */
  public List<LayoutBlock.Table> tables() {
    return layout.stream()
        .filter(LayoutBlock.Table.class::isInstance)
        .map(LayoutBlock.Table.class::cast)
        .toList();
  }

  /** Returns the fields the officer supplies when issuing the result, in template order. */
  public List<ResultField> officerInputs() {
    return fields.stream().filter(f -> f.source() instanceof FieldSource.Officer).toList();
  }

  /**
   * An issuing agency.
   *
   * @param name the agency's name, e.g. {@code Ủy ban nhân dân xã Hòa Phú}
   * @param code its code on the national document exchange (mã định danh cơ quan), e.g. {@code
   *     000.00.00.H29}
   */
  public record Agency(LocalizedText name, String code) {
    /** Checks the parts. */
    public Agency {
      requireNonNull(name, "name");
      requireNonNull(code, "code");
      if (!ReceiptNumbers.isAgencyCode(code)) {
        throw new IllegalArgumentException(
            "agency code must be upper-case letters and digits in dot-separated groups of 1-4,"
                + " e.g. 000.00.00.H29, but was '"
                + code
                + "'");
      }
    }
  }

  /**
   * One field of a result.
   *
   * @param id the field id, unique in the template, e.g. {@code childFullName}
   * @param label its label
   * @param source where its value comes from
   * @param format how a renderer shows the value
   * @param optional for an officer input, whether the officer may leave it out
   */
  public record ResultField(
      String id, LocalizedText label, FieldSource source, ValueFormat format, boolean optional) {
    /** Checks the parts. */
    public ResultField {
      requireNonNull(id, "id");
      requireNonNull(label, "label");
      requireNonNull(source, "source");
      requireNonNull(format, "format");
    }
  }
}
