package dev.onceform.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.OnceFormException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a form whose {@code $ref} or {@code $dynamicRef} points out of the form document, before
 * json-schema-validator could try to load it: OnceForm never fetches a schema (a remote schema
 * would let its host change what the form accepts, and would make validation wait for the network).
 * A reference may be a fragment ({@code #/$defs/x}, {@code #anchor}) or name an {@code $id}
 * declared in the document. The linter's {@code ref.remote} check says the same, per place, with
 * nested base URIs; this is the engine's last line.
 */
final class RemoteRefs {
  /** Keywords whose values are data, not schemas: a {@code "$ref"} member there is no reference. */
  private static final Set<String> DATA_KEYWORDS = Set.of("const", "enum", "default", "examples");

  private RemoteRefs() {}

  /**
   * Checks every reference of a form's schema.
   *
   * @param base the URI the form's schema is compiled under
   * @throws OnceFormException {@code OF-VALID-152} at the first reference out of the document
   */
  static void refuse(FormDefinition form, URI base) {
    Set<URI> ids = new HashSet<>();
    ids.add(withoutFragment(base));
    walk(
        form.schema(),
        "",
        (at, name, value) -> {
          if ("$id".equals(name) && value.isTextual()) {
            resolve(base, value.asText()).ifPresent(uri -> ids.add(withoutFragment(uri)));
          }
        });
    walk(
        form.schema(),
        "",
        (at, name, value) -> {
          if (("$ref".equals(name) || "$dynamicRef".equals(name)) && value.isTextual()) {
            String ref = value.asText();
            int hash = ref.indexOf('#');
            String document = hash < 0 ? ref : ref.substring(0, hash);
            if (!document.isEmpty()
                && !resolve(base, document)
                    .map(u -> ids.contains(withoutFragment(u)))
                    .orElse(false)) {
              throw remote(form, at + "/" + name, ref);
            }
          }
        });
  }

  private static OnceFormException remote(FormDefinition form, String pointer, String ref) {
    return new OnceFormException(
        "OF-VALID-152",
        "form "
            + form
            + " ("
            + form.source()
            + ") refers to a schema outside the form at "
            + pointer
            + ": '"
            + ref
            + "'; OnceForm never fetches remote references. Copy that schema into the form's"
            + " \"$defs\" and refer to it as \"#/$defs/<name>\"");
  }

  /**
   * Sees one member of an object in the schema: the object's pointer, the member's name and value.
   */
  private interface Visitor {
    void visit(String at, String name, JsonNode value);
  }

  /** Visits each member of each object in a schema, array items included, data values excluded. */
  private static void walk(JsonNode node, String at, Visitor visitor) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), at + "/" + i, visitor);
      }
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      String name = member.getKey();
      if (!DATA_KEYWORDS.contains(name) && !name.startsWith("x-")) {
        visitor.visit(at, name, member.getValue());
        walk(member.getValue(), at + "/" + name.replace("~", "~0").replace("/", "~1"), visitor);
      }
    }
  }

  private static Optional<URI> resolve(URI base, String reference) {
    try {
      return Optional.of(base.resolve(new URI(reference)));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static URI withoutFragment(URI uri) {
    try {
      return new URI(uri.getScheme(), uri.getSchemeSpecificPart(), null);
    } catch (URISyntaxException e) {
      return uri;
    }
  }
}
