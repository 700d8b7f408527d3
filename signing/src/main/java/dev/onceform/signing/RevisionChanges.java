package dev.onceform.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jspecify.annotations.Nullable;

/**
 * What changed in a PDF after a signed revision: compares the revision a signature covers (bytes
 * {@code [0, end)}) with the whole file, object by object, and sorts every changed or new object
 * into a {@link Kind}. An object of the signed revision may change only in the few ways an allowed
 * update needs (the catalog gets a {@code /DSS}, the AcroForm's {@code /Fields} and a page's {@code
 * /Annots} grow by new signature fields or annotations, a field's value changes); every new object
 * must be reachable from such an allowed change and from nothing of the signed revision. Anything
 * else is {@link Kind#CONTENT}, described by what the object was for. The analysis is bounded by
 * {@link CosWalk#MAX_OBJECTS}; it never throws: an unreadable update is a content change.
 */
final class RevisionChanges {

  /** The kinds of change, from harmless to forbidden. */
  enum Kind {
    /** A DSS: certificates, CRLs, OCSP responses. */
    VALIDATION_DATA,
    /** A document timestamp (a {@code /DocTimeStamp} signature field). */
    DOCUMENT_TIMESTAMP,
    /** A later signature: a new signature field, its widget, value and appearance. */
    SIGNATURE,
    /** A field's value (and its appearance) changed. */
    FORM_FILL,
    /** A new annotation on a page (not a form field). */
    ANNOTATION,
    /** Anything else. */
    CONTENT
  }

  /** One change: its kind and the message key and arguments that describe it. */
  record Change(Kind kind, String key, List<String> args) {
    Change {
      args = List.copyOf(args);
    }
  }

  /**
   * The changes after a signed revision and the DocMDP permission level (1, 2 or 3) of a
   * certification signature in that revision, if any.
   */
  record Result(List<Change> changes, OptionalInt docMdp) {
    Result {
      changes = List.copyOf(changes);
    }
  }

  private static final COSName DSS = DssWriter.DSS;
  private static final int MAX_STREAM_BYTES = 16 * 1024 * 1024;
  private static final Set<COSName> TRAILER_BOOKKEEPING =
      Set.of(
          COSName.SIZE,
          COSName.PREV,
          COSName.ID,
          COSName.XREF_STM,
          COSName.TYPE,
          COSName.W,
          COSName.INDEX,
          COSName.FILTER,
          COSName.LENGTH,
          COSName.DECODE_PARMS);

  private final COSDocument before;
  private final COSDocument after;
  private final Set<COSObjectKey> changed = new LinkedHashSet<>();
  private final Set<COSObjectKey> added = new LinkedHashSet<>();
  private final Set<COSObjectKey> explained = new HashSet<>();
  private final List<Change> changes = new ArrayList<>();

  private RevisionChanges(COSDocument before, COSDocument after) {
    this.before = before;
    this.after = after;
  }

  /**
   * Analyses the updates after the revision that ends at {@code signedEnd}.
   *
   * @param signedEnd the end of the signed range, less than {@code pdf.length}
   */
  static Result analyse(byte[] pdf, long signedEnd) {
    String appended = Long.toString(pdf.length - signedEnd);
    if (signedEnd <= 0 || signedEnd >= pdf.length || !endsWithEof(pdf)) {
      return contentOnly("changes.trailingData", appended);
    }
    try (PDDocument revision = Loader.loadPDF(Arrays.copyOf(pdf, (int) signedEnd));
        PDDocument whole = Loader.loadPDF(pdf)) {
      return new RevisionChanges(revision.getDocument(), whole.getDocument()).run();
    } catch (IOException | RuntimeException e) {
      // An update that cannot be read cannot be shown to be harmless.
      return contentOnly("changes.unreadable", appended, PdfSignatureReader.describe(e));
    }
  }

  private static Result contentOnly(String key, String... args) {
    return new Result(List.of(new Change(Kind.CONTENT, key, List.of(args))), OptionalInt.empty());
  }

  private Result run() {
    Map<COSObjectKey, Long> oldXref = before.getXrefTable();
    Map<COSObjectKey, Long> newXref = after.getXrefTable();
    if (oldXref.size() > CosWalk.MAX_OBJECTS || newXref.size() > CosWalk.MAX_OBJECTS) {
      return contentOnly("changes.tooMany", Integer.toString(CosWalk.MAX_OBJECTS));
    }
    for (Map.Entry<COSObjectKey, Long> entry : oldXref.entrySet()) {
      if (!Objects.equals(newXref.get(entry.getKey()), entry.getValue())
          && !rewrittenUnchanged(entry.getKey())) {
        changed.add(entry.getKey());
      }
    }
    for (COSObjectKey key : newXref.keySet()) {
      if (!oldXref.containsKey(key) && !isBookkeeping(key)) {
        added.add(key);
      }
    }
    COSBase oldRoot = before.getTrailer().getItem(COSName.ROOT);
    COSBase newRoot = after.getTrailer().getItem(COSName.ROOT);
    COSObjectKey rootKey = CosWalk.key(oldRoot);
    if (rootKey == null
        || !rootKey.equals(CosWalk.key(newRoot))
        || !(CosWalk.resolve(oldRoot) instanceof COSDictionary oldCatalog)
        || !(CosWalk.resolve(newRoot) instanceof COSDictionary newCatalog)) {
      return contentOnly("changes.trailer", "Root");
    }
    OptionalInt docMdp = FormChanges.docMdp(oldCatalog);
    compareTrailers();
    explained.add(rootKey);
    compareCatalogs(oldCatalog, newCatalog);
    new FormChanges(this).compare(oldCatalog, newCatalog);
    comparePages(CosWalk.pages(oldCatalog), CosWalk.pages(newCatalog));
    reportUnexplained(new SignedRoles(CosWalk.pages(oldCatalog)));
    return new Result(changes, docMdp);
  }

  /**
   * True if an object of the signed revision was written again with the same content, as PDFBox
   * does for objects it marks as updated; streams must have the same raw bytes.
   */
  private boolean rewrittenUnchanged(COSObjectKey key) {
    COSBase old = before.getObjectFromPool(key).getObject();
    COSBase now = after.getObjectFromPool(key).getObject();
    if (old == null || now == null || !CosWalk.same(old, now)) {
      return false;
    }
    if (old instanceof COSStream oldStream && now instanceof COSStream newStream) {
      try (InputStream a = oldStream.createRawInputStream();
          InputStream b = newStream.createRawInputStream()) {
        return Arrays.equals(a.readNBytes(MAX_STREAM_BYTES), b.readNBytes(MAX_STREAM_BYTES))
            && a.read() < 0;
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  /** True for the cross-reference and object streams an update writes for itself. */
  private boolean isBookkeeping(COSObjectKey key) {
    COSBase object = after.getObjectFromPool(key).getObject();
    if (object instanceof COSStream stream) {
      COSName type = stream.getCOSName(COSName.TYPE);
      return COSName.XREF.equals(type) || COSName.OBJ_STM.equals(type);
    }
    return false;
  }

  private void compareTrailers() {
    COSDictionary oldTrailer = before.getTrailer();
    COSDictionary newTrailer = after.getTrailer();
    for (COSName name : CosWalk.differingEntries(oldTrailer, newTrailer)) {
      if (!TRAILER_BOOKKEEPING.contains(name) && !COSName.ROOT.equals(name)) {
        record(Kind.CONTENT, "changes.trailer", name.getName());
      }
    }
  }

  private void compareCatalogs(COSDictionary oldCatalog, COSDictionary newCatalog) {
    // A DSS of the signed revision updated in place: same reference, new content.
    COSObjectKey dssKey = CosWalk.key(newCatalog.getItem(DSS));
    if (dssKey != null
        && dssKey.equals(CosWalk.key(oldCatalog.getItem(DSS)))
        && changed.contains(dssKey)
        && after.getObjectFromPool(dssKey).getObject() instanceof COSDictionary dss
        && !(dss instanceof COSStream)) {
      explain(dssKey);
      claim(dss, Kind.VALIDATION_DATA, "changes.dss");
    }
    for (COSName name : CosWalk.differingEntries(oldCatalog, newCatalog)) {
      if (DSS.equals(name)) {
        COSBase dss = newCatalog.getItem(DSS);
        if (dss != null) {
          claim(dss, Kind.VALIDATION_DATA, "changes.dss");
        }
      } else if (!COSName.ACRO_FORM.equals(name)) {
        // AcroForm changes are judged by FormChanges.
        record(Kind.CONTENT, "changes.catalog", name.getName());
      }
    }
  }

  private void comparePages(List<CosWalk.Page> oldPages, List<CosWalk.Page> newPages) {
    boolean samePages = oldPages.size() == newPages.size();
    for (int i = 0; samePages && i < oldPages.size(); i++) {
      samePages = Objects.equals(oldPages.get(i).key(), newPages.get(i).key());
    }
    if (!samePages) {
      record(
          Kind.CONTENT,
          "changes.pages",
          Integer.toString(oldPages.size()),
          Integer.toString(newPages.size()));
      return;
    }
    for (int i = 0; i < oldPages.size(); i++) {
      comparePage(oldPages.get(i), newPages.get(i));
    }
  }

  private void comparePage(CosWalk.Page oldPage, CosWalk.Page newPage) {
    Set<COSName> differing = CosWalk.differingEntries(oldPage.dictionary(), newPage.dictionary());
    COSBase oldAnnots = oldPage.dictionary().getItem(COSName.ANNOTS);
    COSBase newAnnots = newPage.dictionary().getItem(COSName.ANNOTS);
    COSObjectKey annotsKey = CosWalk.key(newAnnots);
    boolean annotsChanged =
        differing.contains(COSName.ANNOTS) || (annotsKey != null && changed.contains(annotsKey));
    if (differing.isEmpty() || differing.equals(Set.of(COSName.ANNOTS))) {
      if (newPage.key() != null) {
        explained.add(newPage.key());
      }
    } else {
      differing.remove(COSName.ANNOTS);
      record(
          Kind.CONTENT,
          "changes.page",
          Integer.toString(newPage.number()),
          newPage.key() == null ? "-" : Long.toString(newPage.key().getNumber()),
          names(differing));
    }
    if (annotsChanged) {
      compareAnnotations(newPage, CosWalk.array(oldAnnots), CosWalk.array(newAnnots));
      if (annotsKey != null && (changed.contains(annotsKey) || added.contains(annotsKey))) {
        explained.add(annotsKey);
      }
    }
  }

  private void compareAnnotations(CosWalk.Page page, List<COSBase> oldItems, List<COSBase> items) {
    Set<COSObjectKey> newKeys = new HashSet<>();
    for (COSBase item : items) {
      newKeys.add(CosWalk.key(item));
    }
    String number = Integer.toString(page.number());
    for (COSBase item : oldItems) {
      if (!newKeys.contains(CosWalk.key(item)) || CosWalk.key(item) == null) {
        record(Kind.CONTENT, "changes.annotationRemoved", number);
      }
    }
    Set<COSObjectKey> oldKeys = new HashSet<>();
    for (COSBase item : oldItems) {
      oldKeys.add(CosWalk.key(item));
    }
    for (COSBase item : items) {
      COSObjectKey key = CosWalk.key(item);
      if (key == null || oldKeys.contains(key)) {
        continue;
      }
      COSDictionary annotation = CosWalk.dictionary(item).orElse(new COSDictionary());
      COSName subtype = annotation.getCOSName(COSName.SUBTYPE);
      if (!added.contains(key)) {
        record(Kind.CONTENT, "changes.annotationMoved", number, Long.toString(key.getNumber()));
      } else if (COSName.WIDGET.equals(subtype)) {
        if (!explained.contains(key)) {
          // A widget that is no new signature field's: a form field added after signing.
          record(Kind.CONTENT, "changes.formStructure", "Fields");
        }
      } else {
        claim(
            item,
            Kind.ANNOTATION,
            "changes.annotation",
            number,
            Long.toString(key.getNumber()),
            subtype == null ? "?" : subtype.getName());
      }
    }
  }

  private void reportUnexplained(SignedRoles roles) {
    for (COSObjectKey key : changed) {
      if (!explained.contains(key)) {
        COSObject object = after.getObjectFromPool(key);
        changes.add(roles.describe(key, object.getObject()));
      }
    }
    Set<COSObjectKey> referencedBefore = referencedBySignedRevision();
    // An unexplained new object that nothing refers to (the DSS dictionary another tool replaced,
    // say) cannot be shown or used; any other is a change. The walk runs only when needed, and an
    // incomplete one (empty) counts every object as live.
    Optional<Set<COSObjectKey>> live =
        explained.containsAll(added) ? Optional.empty() : CosWalk.allReachable(after.getTrailer());
    for (COSObjectKey key : added) {
      boolean unexplained =
          !explained.contains(key) && live.map(keys -> keys.contains(key)).orElse(true);
      if (referencedBefore.contains(key) || unexplained) {
        record(Kind.CONTENT, "changes.objectAdded", Long.toString(key.getNumber()));
      }
    }
  }

  /**
   * The keys that objects of the signed revision refer to. A new object under such a key fills a
   * dangling reference of the signed content, so it changes what was signed.
   */
  private Set<COSObjectKey> referencedBySignedRevision() {
    Set<COSObjectKey> referenced = new HashSet<>();
    if (added.isEmpty()) {
      return referenced;
    }
    for (COSObjectKey key : before.getXrefTable().keySet()) {
      COSBase object = before.getObjectFromPool(key).getObject();
      collectDirectReferences(object, referenced, 0);
    }
    referenced.retainAll(added);
    return referenced;
  }

  private static void collectDirectReferences(
      @Nullable COSBase object, Set<COSObjectKey> into, int depth) {
    if (depth > CosWalk.MAX_DEPTH || into.size() > CosWalk.MAX_OBJECTS * 4) {
      return;
    }
    if (object instanceof COSObject reference) {
      if (reference.getKey() != null) {
        into.add(reference.getKey());
      }
    } else if (object instanceof COSDictionary dictionary) {
      for (COSBase value : dictionary.getValues()) {
        collectDirectReferences(value, into, depth + 1);
      }
    } else if (object instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        collectDirectReferences(array.get(i), into, depth + 1);
      }
    }
  }

  // ---- shared with FormChanges ----

  boolean isChanged(@Nullable COSObjectKey key) {
    return key != null && changed.contains(key);
  }

  boolean isAdded(@Nullable COSObjectKey key) {
    return key != null && added.contains(key);
  }

  void explain(@Nullable COSObjectKey key) {
    if (key != null) {
      explained.add(key);
    }
  }

  void record(Kind kind, String key, String... args) {
    if (changes.size() < 100) {
      changes.add(new Change(kind, key, List.of(args)));
    }
  }

  /** Records a change and explains the new objects reachable from {@code root} by it. */
  void claim(COSBase root, Kind kind, String key, String... args) {
    explained.addAll(CosWalk.reachable(root, added::contains));
    record(kind, key, args);
  }

  private static String names(Set<COSName> names) {
    List<String> sorted = new ArrayList<>();
    for (COSName name : names) {
      sorted.add("/" + name.getName());
    }
    sorted.sort(null);
    return String.join(", ", sorted);
  }

  private static boolean endsWithEof(byte[] pdf) {
    int end = pdf.length;
    while (end > 0 && (pdf[end - 1] == '\n' || pdf[end - 1] == '\r' || pdf[end - 1] == ' ')) {
      end--;
    }
    byte[] eof = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    return end >= eof.length && Arrays.equals(pdf, end - eof.length, end, eof, 0, eof.length);
  }
}
