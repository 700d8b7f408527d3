package dev.onceform.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
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

/**
 * Decides whether the incremental updates after a signed revision only add validation data: every
 * object of the signed revision keeps its place (same xref entry) except the catalog, the new
 * catalog equals the old one but for {@code /DSS}, every new object is reachable from the new
 * {@code /DSS}, and the file ends with {@code %%EOF}. Anything else (a changed page, annotation,
 * form field, metadata, a freed object, trailing bytes) is a content change.
 */
final class DssUpdateCheck {

  private static final int MAX_OBJECTS = 10_000;

  private DssUpdateCheck() {}

  static boolean onlyValidationDataAdded(byte[] pdf, long signedEnd) {
    if (signedEnd <= 0 || signedEnd >= pdf.length || !endsWithEof(pdf)) {
      return false;
    }
    try (PDDocument before = Loader.loadPDF(Arrays.copyOf(pdf, (int) signedEnd));
        PDDocument after = Loader.loadPDF(pdf)) {
      return compare(before.getDocument(), after.getDocument());
    } catch (IOException | RuntimeException e) {
      return false; // unreadable revisions cannot be shown to be harmless
    }
  }

  private static boolean compare(COSDocument before, COSDocument after) {
    COSBase oldRoot = before.getTrailer().getItem(COSName.ROOT);
    COSBase newRoot = after.getTrailer().getItem(COSName.ROOT);
    if (!(oldRoot instanceof COSObject oldRef) || !(newRoot instanceof COSObject newRef)) {
      return false;
    }
    if (!Objects.equals(oldRef.getKey(), newRef.getKey())
        || !(oldRef.getObject() instanceof COSDictionary oldCatalog)
        || !(newRef.getObject() instanceof COSDictionary newCatalog)) {
      return false;
    }
    COSBase dss = newCatalog.getItem(DssWriter.DSS);
    if (dss == null || !sameExceptDss(oldCatalog, newCatalog)) {
      return false;
    }
    Map<COSObjectKey, Long> oldXref = before.getXrefTable();
    Map<COSObjectKey, Long> newXref = after.getXrefTable();
    for (Map.Entry<COSObjectKey, Long> entry : oldXref.entrySet()) {
      if (!entry.getKey().equals(oldRef.getKey())
          && !Objects.equals(newXref.get(entry.getKey()), entry.getValue())) {
        return false;
      }
    }
    Set<COSObjectKey> reachable = reachable(dss);
    for (COSObjectKey key : newXref.keySet()) {
      if (!oldXref.containsKey(key) && !reachable.contains(key) && !isXrefStream(after, key)) {
        return false;
      }
    }
    return true;
  }

  /** True for a cross-reference stream, which an update writes for itself. */
  private static boolean isXrefStream(COSDocument document, COSObjectKey key) {
    COSObject object = document.getObjectFromPool(key);
    return object.getObject() instanceof COSStream stream
        && COSName.XREF.equals(stream.getCOSName(COSName.TYPE));
  }

  private static boolean sameExceptDss(COSDictionary oldCatalog, COSDictionary newCatalog) {
    Set<COSName> oldKeys = new HashSet<>(oldCatalog.keySet());
    Set<COSName> newKeys = new HashSet<>(newCatalog.keySet());
    oldKeys.remove(DssWriter.DSS);
    newKeys.remove(DssWriter.DSS);
    if (!oldKeys.equals(newKeys)) {
      return false;
    }
    for (COSName key : oldKeys) {
      if (!same(oldCatalog.getItem(key), newCatalog.getItem(key), 0)) {
        return false;
      }
    }
    return true;
  }

  /** Structural equality; indirect references are equal when they name the same object. */
  private static boolean same(COSBase a, COSBase b, int depth) {
    if (depth > 64) {
      return false;
    }
    if (a instanceof COSObject || b instanceof COSObject) {
      return a instanceof COSObject x
          && b instanceof COSObject y
          && Objects.equals(x.getKey(), y.getKey());
    }
    if (a instanceof COSDictionary x && b instanceof COSDictionary y) {
      if (!x.keySet().equals(y.keySet()) || a.getClass() != b.getClass()) {
        return false;
      }
      for (COSName key : x.keySet()) {
        if (!same(x.getItem(key), y.getItem(key), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof COSArray x && b instanceof COSArray y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.get(i), y.get(i), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }

  /** The keys of the indirect objects reachable from {@code start}. */
  private static Set<COSObjectKey> reachable(COSBase start) {
    Set<COSObjectKey> keys = new HashSet<>();
    Deque<COSBase> pending = new ArrayDeque<>();
    pending.push(start);
    while (!pending.isEmpty() && keys.size() < MAX_OBJECTS) {
      COSBase current = pending.pop();
      if (current instanceof COSObject reference) {
        if (reference.getKey() != null && keys.add(reference.getKey())) {
          pending.push(reference.getObject());
        }
      } else if (current instanceof COSDictionary dictionary) {
        for (COSBase value : dictionary.getValues()) {
          pending.push(value);
        }
      } else if (current instanceof COSArray array) {
        for (int i = 0; i < array.size(); i++) {
          pending.push(array.get(i));
        }
      }
    }
    return keys;
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
