package dev.onceform.signing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.jspecify.annotations.Nullable;

/**
 * Bounded walks over PDFBox object graphs for {@link RevisionChanges}: structural comparison,
 * reachability, the page list and the field list. Every walk stops at {@link #MAX_OBJECTS} objects
 * or {@link #MAX_DEPTH} levels, so that a hostile file cannot make it loop or recurse deeply.
 */
final class CosWalk {

  static final int MAX_OBJECTS = 10_000;
  static final int MAX_DEPTH = 64;

  private CosWalk() {}

  /** Resolves an indirect reference; a direct object is returned as is. */
  static @Nullable COSBase resolve(@Nullable COSBase value) {
    return value instanceof COSObject reference ? reference.getObject() : value;
  }

  /** The dictionary {@code value} is or refers to, if any. */
  static Optional<COSDictionary> dictionary(@Nullable COSBase value) {
    return resolve(value) instanceof COSDictionary dictionary
        ? Optional.of(dictionary)
        : Optional.empty();
  }

  /** The array {@code value} is or refers to; empty if it is none. */
  static List<COSBase> array(@Nullable COSBase value) {
    List<COSBase> items = new ArrayList<>();
    if (resolve(value) instanceof COSArray array) {
      for (int i = 0; i < Math.min(array.size(), MAX_OBJECTS); i++) {
        items.add(array.get(i));
      }
    }
    return items;
  }

  /** The key of an indirect reference, or null for a direct object. */
  static @Nullable COSObjectKey key(@Nullable COSBase value) {
    return value instanceof COSObject reference ? reference.getKey() : null;
  }

  /**
   * Structural equality without following references: two references are equal when they name the
   * same object, so a changed referenced object is judged on its own.
   */
  static boolean same(@Nullable COSBase a, @Nullable COSBase b) {
    return same(a, b, 0);
  }

  private static boolean same(@Nullable COSBase a, @Nullable COSBase b, int depth) {
    if (depth > MAX_DEPTH) {
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
      for (COSName name : x.keySet()) {
        if (!same(x.getItem(name), y.getItem(name), depth + 1)) {
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

  /** The entries whose values differ between two dictionaries (present in either). */
  static Set<COSName> differingEntries(COSDictionary before, COSDictionary after) {
    Set<COSName> names = new HashSet<>(before.keySet());
    names.addAll(after.keySet());
    names.removeIf(name -> same(before.getItem(name), after.getItem(name)));
    return names;
  }

  /**
   * The keys of the indirect objects reachable from {@code start} through objects whose keys pass
   * {@code follow}; objects that fail it are neither collected nor entered.
   */
  static Set<COSObjectKey> reachable(@Nullable COSBase start, Predicate<COSObjectKey> follow) {
    return walk(start, follow).keys();
  }

  /**
   * The keys of every indirect object reachable from {@code start}; empty if the walk hit its limit
   * before it was complete.
   */
  static Optional<Set<COSObjectKey>> allReachable(COSBase start) {
    Walked walked = walk(start, key -> true);
    return walked.complete() ? Optional.of(walked.keys()) : Optional.empty();
  }

  private record Walked(Set<COSObjectKey> keys, boolean complete) {}

  private static Walked walk(@Nullable COSBase start, Predicate<COSObjectKey> follow) {
    Set<COSObjectKey> keys = new HashSet<>();
    Deque<COSBase> pending = new ArrayDeque<>();
    if (start != null) {
      pending.push(start);
    }
    int visited = 0;
    while (!pending.isEmpty() && visited++ < MAX_OBJECTS * 8) {
      COSBase current = pending.pop();
      if (current instanceof COSObject reference) {
        COSObjectKey key = reference.getKey();
        if (key != null && follow.test(key) && keys.add(key)) {
          COSBase target = reference.getObject();
          if (target != null) {
            pending.push(target);
          }
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
    return new Walked(keys, pending.isEmpty());
  }

  /** A page: its position (1-based), its dictionary and its key (null if direct). */
  record Page(int number, COSDictionary dictionary, @Nullable COSObjectKey key) {}

  /** The pages of a catalog in order, walking the page tree with limits. */
  static List<Page> pages(COSDictionary catalog) {
    List<Page> pages = new ArrayList<>();
    addPages(catalog.getItem(COSName.PAGES), pages, new HashSet<>(), 0);
    return pages;
  }

  private static void addPages(
      @Nullable COSBase node, List<Page> pages, Set<COSObjectKey> seen, int depth) {
    COSObjectKey key = key(node);
    if (depth > MAX_DEPTH || pages.size() >= MAX_OBJECTS || (key != null && !seen.add(key))) {
      return;
    }
    Optional<COSDictionary> dictionary = dictionary(node);
    if (dictionary.isEmpty()) {
      return;
    }
    if (COSName.PAGE.equals(dictionary.get().getCOSName(COSName.TYPE))) {
      pages.add(new Page(pages.size() + 1, dictionary.get(), key));
      return;
    }
    for (COSBase kid : array(dictionary.get().getItem(COSName.KIDS))) {
      addPages(kid, pages, seen, depth + 1);
    }
  }

  /** A terminal form field or widget, with its fully qualified name. */
  record Field(String name, COSDictionary dictionary, @Nullable COSObjectKey key) {}

  /** The fields of an AcroForm dictionary, terminal fields and their kids, with limits. */
  static List<Field> fields(@Nullable COSDictionary acroForm) {
    List<Field> fields = new ArrayList<>();
    if (acroForm != null) {
      for (COSBase field : array(acroForm.getItem(COSName.FIELDS))) {
        addFields(field, "", fields, new HashSet<>(), 0);
      }
    }
    return fields;
  }

  private static void addFields(
      COSBase node, String prefix, List<Field> fields, Set<COSObjectKey> seen, int depth) {
    COSObjectKey key = key(node);
    if (depth > MAX_DEPTH || fields.size() >= MAX_OBJECTS || (key != null && !seen.add(key))) {
      return;
    }
    Optional<COSDictionary> dictionary = dictionary(node);
    if (dictionary.isEmpty()) {
      return;
    }
    String partial = dictionary.get().getString(COSName.T);
    String name = partial == null ? prefix : prefix.isEmpty() ? partial : prefix + "." + partial;
    fields.add(new Field(name, dictionary.get(), key));
    for (COSBase kid : array(dictionary.get().getItem(COSName.KIDS))) {
      addFields(kid, name, fields, seen, depth + 1);
    }
  }
}
