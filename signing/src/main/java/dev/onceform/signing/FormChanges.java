package dev.onceform.signing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.jspecify.annotations.Nullable;

/**
 * The form part of {@link RevisionChanges}: the AcroForm may only grow by new signature fields
 * ({@code /Fields} extended, {@code /SigFlags} set); an existing field may only get a value (a
 * signature field its first {@code /V}, another field a new {@code /V} with its appearance); and
 * the certification signature's DocMDP permission level is read from the signed revision.
 */
final class FormChanges {

  private static final COSName SUB_FILTER_RFC3161 = COSName.getPDFName("ETSI.RFC3161");
  private static final Set<COSName> FILL_ENTRIES = Set.of(COSName.V, COSName.AP, COSName.AS);

  private final RevisionChanges changes;

  FormChanges(RevisionChanges changes) {
    this.changes = changes;
  }

  void compare(COSDictionary oldCatalog, COSDictionary newCatalog) {
    COSBase oldRef = oldCatalog.getItem(COSName.ACRO_FORM);
    COSBase newRef = newCatalog.getItem(COSName.ACRO_FORM);
    COSDictionary oldForm = CosWalk.dictionary(oldRef).orElseGet(COSDictionary::new);
    COSDictionary newForm = CosWalk.dictionary(newRef).orElseGet(COSDictionary::new);
    COSObjectKey newKey = CosWalk.key(newRef);
    if (newKey != null
        && !Objects.equals(CosWalk.key(oldRef), newKey)
        && !changes.isAdded(newKey)) {
      changes.record(RevisionChanges.Kind.CONTENT, "changes.formStructure", "AcroForm");
    }
    changes.explain(newKey);
    Set<COSName> differing = CosWalk.differingEntries(oldForm, newForm);
    COSObjectKey fieldsKey = CosWalk.key(newForm.getItem(COSName.FIELDS));
    if (differing.contains(COSName.FIELDS) || changes.isChanged(fieldsKey)) {
      compareFieldList(CosWalk.array(oldForm.getItem(COSName.FIELDS)), newForm);
      changes.explain(fieldsKey);
    }
    for (COSName name : differing) {
      if (!COSName.FIELDS.equals(name) && !COSName.SIG_FLAGS.equals(name)) {
        changes.record(RevisionChanges.Kind.CONTENT, "changes.formStructure", name.getName());
      }
    }
    compareFields(CosWalk.fields(oldForm), CosWalk.fields(newForm));
  }

  /** Top-level fields: the old ones stay, new ones must be new signature fields. */
  private void compareFieldList(List<COSBase> oldFields, COSDictionary newForm) {
    Set<COSObjectKey> oldKeys = new HashSet<>();
    for (COSBase field : oldFields) {
      oldKeys.add(CosWalk.key(field));
    }
    Set<COSObjectKey> newKeys = new HashSet<>();
    for (COSBase field : CosWalk.array(newForm.getItem(COSName.FIELDS))) {
      COSObjectKey key = CosWalk.key(field);
      newKeys.add(key);
      if (key == null || oldKeys.contains(key)) {
        continue;
      }
      COSDictionary dictionary = CosWalk.dictionary(field).orElseGet(COSDictionary::new);
      if (changes.isAdded(key) && COSName.SIG.equals(dictionary.getCOSName(COSName.FT))) {
        String name = Objects.toString(dictionary.getString(COSName.T), "");
        claimSignature(field, dictionary, name);
      } else {
        changes.record(RevisionChanges.Kind.CONTENT, "changes.formStructure", "Fields");
      }
    }
    if (!newKeys.containsAll(oldKeys)) {
      changes.record(RevisionChanges.Kind.CONTENT, "changes.formStructure", "Fields");
    }
  }

  /**
   * A signature field added or first given a value by the update: a later signature or document
   * timestamp, if its value is a new signature dictionary with a ByteRange and Contents. A field
   * without one (the Sneaky Signature Attack: an unsigned field whose widget paints over the page)
   * or pointing at an older signature's value is a change of the content.
   */
  private void claimSignature(COSBase root, COSDictionary field, String name) {
    COSBase item = field.getItem(COSName.V);
    COSObjectKey valueKey = CosWalk.key(item);
    COSDictionary value = CosWalk.dictionary(item).orElseGet(COSDictionary::new);
    boolean signed =
        value.containsKey(COSName.BYTERANGE)
            && value.containsKey(COSName.CONTENTS)
            && (valueKey == null || changes.isAdded(valueKey));
    if (!signed) {
      changes.claim(root, RevisionChanges.Kind.CONTENT, "changes.unsignedSignatureField", name);
      return;
    }
    boolean timestamp =
        COSName.DOC_TIME_STAMP.equals(value.getCOSName(COSName.TYPE))
            || SUB_FILTER_RFC3161.equals(value.getCOSName(COSName.SUB_FILTER));
    if (timestamp) {
      changes.claim(
          root, RevisionChanges.Kind.DOCUMENT_TIMESTAMP, "changes.documentTimestamp", name);
    } else {
      changes.claim(root, RevisionChanges.Kind.SIGNATURE, "changes.signature", name);
    }
  }

  /** Fields of the signed revision whose dictionaries changed. */
  private void compareFields(List<CosWalk.Field> oldFields, List<CosWalk.Field> newFields) {
    Map<COSObjectKey, CosWalk.Field> olds = new HashMap<>();
    for (CosWalk.Field field : oldFields) {
      if (field.key() != null) {
        olds.put(field.key(), field);
      }
    }
    Set<COSObjectKey> filled = new HashSet<>();
    for (CosWalk.Field field : newFields) {
      CosWalk.Field old = field.key() == null ? null : olds.get(field.key());
      if (old != null
          && !isSignature(field.dictionary())
          && !CosWalk.same(
              old.dictionary().getItem(COSName.V), field.dictionary().getItem(COSName.V))) {
        filled.add(field.key());
      }
    }
    for (CosWalk.Field field : newFields) {
      CosWalk.Field old = field.key() == null ? null : olds.get(field.key());
      if (old != null && changes.isChanged(field.key())) {
        compareField(old, field, filled);
      }
    }
  }

  private void compareField(CosWalk.Field old, CosWalk.Field field, Set<COSObjectKey> filled) {
    Set<COSName> differing = CosWalk.differingEntries(old.dictionary(), field.dictionary());
    String number = Long.toString(Objects.requireNonNull(field.key()).getNumber());
    boolean onlyFill = FILL_ENTRIES.containsAll(differing);
    if (isSignature(field.dictionary())) {
      boolean firstValue =
          old.dictionary().getItem(COSName.V) == null
              && changes.isAdded(CosWalk.key(field.dictionary().getItem(COSName.V)));
      if (onlyFill && firstValue) {
        claimSignature(field.dictionary(), field.dictionary(), field.name());
        changes.explain(field.key());
        return;
      }
    } else if (onlyFill
        && (filled.contains(field.key()) || filled.contains(parentKey(field.dictionary())))) {
      changes.claim(
          field.dictionary(), RevisionChanges.Kind.FORM_FILL, "changes.formFill", field.name());
      changes.explain(field.key());
      explainAppearance(old.dictionary());
      return;
    }
    changes.record(RevisionChanges.Kind.CONTENT, "changes.formField", field.name(), number);
  }

  /** The appearance streams of a filled field may be rewritten in place. */
  private void explainAppearance(COSDictionary field) {
    COSDictionary appearance =
        CosWalk.dictionary(field.getItem(COSName.AP)).orElseGet(COSDictionary::new);
    for (COSBase entry : appearance.getValues()) {
      if (changes.isChanged(CosWalk.key(entry))) {
        changes.explain(CosWalk.key(entry));
      }
      for (COSBase state :
          CosWalk.dictionary(entry).map(COSDictionary::getValues).orElse(List.of())) {
        if (changes.isChanged(CosWalk.key(state))) {
          changes.explain(CosWalk.key(state));
        }
      }
    }
  }

  private static @Nullable COSObjectKey parentKey(COSDictionary field) {
    return CosWalk.key(field.getItem(COSName.PARENT));
  }

  private static boolean isSignature(COSDictionary field) {
    COSName type = field.getCOSName(COSName.FT);
    if (type == null) {
      type =
          CosWalk.dictionary(field.getItem(COSName.PARENT))
              .map(parent -> parent.getCOSName(COSName.FT))
              .orElse(null);
    }
    return COSName.SIG.equals(type);
  }

  /**
   * The DocMDP permission level ({@code /P}: 1, 2 or 3) of the certification signature named in the
   * catalog's {@code /Perms /DocMDP}: 2 when its {@code /P} is absent (the PDF default), 1 when it
   * is not 1, 2 or 3.
   */
  static OptionalInt docMdp(COSDictionary catalog) {
    COSDictionary signature =
        CosWalk.dictionary(catalog.getItem(COSName.PERMS))
            .flatMap(perms -> CosWalk.dictionary(perms.getItem(COSName.DOCMDP)))
            .orElse(null);
    if (signature == null) {
      return OptionalInt.empty();
    }
    for (COSBase item : CosWalk.array(signature.getItem(COSName.REFERENCE))) {
      COSDictionary reference = CosWalk.dictionary(item).orElseGet(COSDictionary::new);
      if (COSName.DOCMDP.equals(reference.getCOSName(COSName.TRANSFORM_METHOD))) {
        int level =
            CosWalk.dictionary(reference.getItem(COSName.TRANSFORM_PARAMS))
                .map(params -> params.getInt(COSName.P, 2))
                .orElse(2);
        // An invalid level is read as the strictest.
        return OptionalInt.of(level >= 1 && level <= 3 ? level : 1);
      }
    }
    return OptionalInt.of(2);
  }
}
