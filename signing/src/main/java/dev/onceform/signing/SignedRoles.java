package dev.onceform.signing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.jspecify.annotations.Nullable;

/**
 * What the objects of a signed revision are for, so that a report can name a changed object: "the
 * content stream (object 12) of page 1", "the resource /Font /F1 (object 9) of page 1". Objects
 * with no known role are described by their number and {@code /Type}.
 */
final class SignedRoles {

  private static final List<COSName> RESOURCE_KINDS =
      List.of(
          COSName.FONT,
          COSName.XOBJECT,
          COSName.EXT_G_STATE,
          COSName.PROPERTIES,
          COSName.COLORSPACE,
          COSName.PATTERN,
          COSName.SHADING);

  private final Map<COSObjectKey, RevisionChanges.Change> roles = new HashMap<>();

  SignedRoles(List<CosWalk.Page> pages) {
    for (CosWalk.Page page : pages) {
      String number = Integer.toString(page.number());
      for (COSBase content : contents(page.dictionary().getItem(COSName.CONTENTS))) {
        put(content, "changes.pageContent", number);
      }
      COSBase resources = page.dictionary().getItem(COSName.RESOURCES);
      put(resources, "changes.pageResource", number, "/Resources");
      Optional<COSDictionary> dictionary = CosWalk.dictionary(resources);
      if (dictionary.isPresent()) {
        for (COSName kind : RESOURCE_KINDS) {
          COSBase category = dictionary.get().getItem(kind);
          put(category, "changes.pageResource", number, "/" + kind.getName());
          Optional<COSDictionary> entries = CosWalk.dictionary(category);
          if (entries.isPresent()) {
            for (COSName name : entries.get().keySet()) {
              put(
                  entries.get().getItem(name),
                  "changes.pageResource",
                  number,
                  "/" + kind.getName() + " /" + name.getName());
            }
          }
        }
      }
    }
  }

  private static List<COSBase> contents(@Nullable COSBase contents) {
    return CosWalk.resolve(contents) instanceof COSStream
        ? listOf(contents)
        : CosWalk.array(contents);
  }

  private static List<COSBase> listOf(@Nullable COSBase value) {
    return value == null ? List.of() : List.of(value);
  }

  /** Records a role for an indirect object; the first role found wins. */
  private void put(@Nullable COSBase value, String key, String page, String... detail) {
    COSObjectKey objectKey = CosWalk.key(value);
    if (objectKey == null || roles.containsKey(objectKey) || roles.size() >= CosWalk.MAX_OBJECTS) {
      return;
    }
    String object = Long.toString(objectKey.getNumber());
    List<String> args =
        detail.length == 0 ? List.of(page, object) : List.of(page, object, detail[0]);
    roles.put(objectKey, content(key, args));
  }

  /** Describes a changed object of the signed revision as a content change. */
  RevisionChanges.Change describe(COSObjectKey key, @Nullable COSBase object) {
    RevisionChanges.Change role = roles.get(key);
    if (role != null) {
      return role;
    }
    if (object == null) {
      return content("changes.objectFreed", List.of(Long.toString(key.getNumber())));
    }
    return content("changes.object", List.of(Long.toString(key.getNumber()), typeOf(object)));
  }

  static String typeOf(@Nullable COSBase object) {
    if (object instanceof COSDictionary dictionary) {
      COSName type = dictionary.getCOSName(COSName.TYPE);
      COSName subtype = dictionary.getCOSName(COSName.SUBTYPE);
      String kind = object instanceof COSStream ? "stream" : "dictionary";
      return kind
          + (type == null ? "" : " /" + type.getName())
          + (subtype == null ? "" : " /" + subtype.getName());
    }
    return object == null ? "null" : object.getClass().getSimpleName().replace("COS", "");
  }

  private static RevisionChanges.Change content(String key, List<String> args) {
    return new RevisionChanges.Change(RevisionChanges.Kind.CONTENT, key, args);
  }
}
