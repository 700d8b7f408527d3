package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

/**
 * One difference between two versions of a form, found by {@link FormDefinition#diff}.
 *
 * @param field the JSON Pointer of the submission value the change affects, e.g. {@code /child/sex}
 *     ({@code ""} for the whole submission; array items are written {@code /*})
 * @param schemaPointer the JSON Pointer of the changed keyword in the form document, e.g. {@code
 *     /properties/child/properties/sex/enum}
 * @param kind what kind of change it is
 * @param breaking whether a draft valid under the old version may be invalid under the new one
 * @param description what changed, in English
 */
public record FormChange(
    String field, String schemaPointer, Kind kind, boolean breaking, String description) {

  /** Checks the parts. */
  public FormChange {
    requireNonNull(field, "field");
    requireNonNull(schemaPointer, "schemaPointer");
    requireNonNull(kind, "kind");
    requireNonNull(description, "description");
  }

  /** What kind of change. Whether it is breaking is decided per change, see {@link #breaking}. */
  public enum Kind {
    /** A property was added; breaking if it is required. */
    FIELD_ADDED,
    /** A property was removed; breaking if the object then rejects unknown properties. */
    FIELD_REMOVED,
    /** A property became required: breaking. */
    REQUIRED_ADDED,
    /** A property is no longer required: compatible. */
    REQUIRED_REMOVED,
    /** {@code type} changed: compatible only if every old type is still allowed. */
    TYPE_CHANGED,
    /** {@code enum} or {@code const} allows fewer values (or was added): breaking. */
    ENUM_NARROWED,
    /** {@code enum} allows more values (or was removed): compatible. */
    ENUM_WIDENED,
    /** A length, range, count or pattern constraint is stricter (or was added): breaking. */
    CONSTRAINT_TIGHTENED,
    /** A constraint is looser (or was removed): compatible. */
    CONSTRAINT_LOOSENED,
    /** {@code format} changed or was added: breaking; removed: compatible. */
    FORMAT_CHANGED,
    /** {@code x-codelist} changed or was added: breaking; removed: compatible. */
    CODELIST_CHANGED,
    /** {@code x-label}, {@code x-help} or the form's title changed: compatible. */
    LABEL_CHANGED,
    /** {@code x-prefill} changed: compatible (it does not decide validity). */
    PREFILL_CHANGED,
    /**
     * {@code x-visible-if} or {@code x-compute} changed: compatible, because validation does not
     * evaluate rules (a computed value is validated like any other value).
     */
    RULE_CHANGED,
    /** {@code x-order}, {@code x-section} or {@code x-widget} changed: compatible. */
    LAYOUT_CHANGED,
    /**
     * An annotation without effect on validity changed ({@code title}, {@code description}, {@code
     * default}, {@code examples}, {@code $comment}, {@code $id}, {@code x-form} members other than
     * id and version, ...): compatible.
     */
    ANNOTATION_CHANGED,
    /**
     * Any other keyword changed ({@code oneOf}, {@code not}, {@code if}, {@code $ref}, an unknown
     * keyword, ...): treated as breaking, because OnceForm cannot prove it is not.
     */
    KEYWORD_CHANGED
  }
}
