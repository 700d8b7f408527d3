package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How much of a form the registries can fill: the share of <em>citizen-entered leaf fields</em>
 * that have an {@code x-prefill} binding to a source and attribute the catalog knows.
 *
 * <p>A <em>leaf field</em> is a property whose schema is not an object (as in {@link
 * FormDefinition#fields()}). A <em>citizen-entered</em> leaf field is a leaf field that the citizen
 * would otherwise type or pick: every leaf field except those with {@code x-compute} (computed from
 * other fields) and those with {@code "x-widget": "hidden"} (never shown). Fields bound to a
 * subject other than the applicant (for example the mother, by {@code /mother/personalId}) count as
 * fillable: the citizen types one number instead of the whole record.
 *
 * @param form the form as {@code id@version}
 * @param file the file the form was read from
 * @param fillable how many citizen-entered leaf fields a binding can fill
 * @param citizenEntered how many citizen-entered leaf fields the form has
 * @param unfilled the JSON Pointers of the citizen-entered leaf fields no binding fills, in
 *     document order
 */
public record PrefillCoverage(
    String form, String file, int fillable, int citizenEntered, List<String> unfilled) {

  /** Checks the parts: the counts must agree with the unfilled fields. */
  public PrefillCoverage {
    requireNonNull(form, "form");
    requireNonNull(file, "file");
    unfilled = List.copyOf(unfilled);
    if (fillable < 0 || citizenEntered - fillable != unfilled.size()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "fillable (%d) + unfilled (%d) must equal citizenEntered (%d)",
              fillable,
              unfilled.size(),
              citizenEntered));
    }
  }

  /** Counts the fields of a form; a binding fills a field if the catalog has its attribute. */
  static PrefillCoverage of(FormDefinition form, String file, SourceCatalog sources) {
    int citizenEntered = 0;
    List<String> unfilled = new ArrayList<>();
    for (FieldDefinition field : form.fields()) {
      if (field.compute().isPresent() || field.layout().widget().equals(Optional.of("hidden"))) {
        continue;
      }
      citizenEntered++;
      boolean fillable =
          field
              .prefill()
              .flatMap(p -> sources.source(p.source()).flatMap(s -> s.attribute(p.attribute())))
              .isPresent();
      if (!fillable) {
        unfilled.add(field.pointer());
      }
    }
    return new PrefillCoverage(
        form.toString(), file, citizenEntered - unfilled.size(), citizenEntered, unfilled);
  }

  /**
   * Returns {@code fillable / citizenEntered}, from 0 to 1; 1 for a form without citizen-entered
   * fields (there is nothing to type).
   */
  public double ratio() {
    return citizenEntered == 0 ? 1.0 : (double) fillable / citizenEntered;
  }

  /** Returns the ratio as a whole percentage, rounded down (so 100 means every field). */
  public int percent() {
    return citizenEntered == 0 ? 100 : fillable * 100 / citizenEntered;
  }

  /** Returns e.g. {@code birth-registration@0.1.0: prefill coverage 13/23 leaf fields (56%)}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: prefill coverage %d/%d leaf fields (%d%%)",
        form,
        fillable,
        citizenEntered,
        percent());
  }
}
