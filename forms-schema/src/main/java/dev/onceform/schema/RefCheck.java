package dev.onceform.schema;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ref.remote} and {@code ref.unresolved}: every {@code $ref} must point into the form
 * document itself, because OnceForm never fetches a schema. A reference may be a fragment ({@code
 * #/$defs/address}, {@code #address} for an {@code $anchor}) or a URI that resolves to the
 * document's own {@code $id} or to an {@code $id} inside it.
 */
final class RefCheck implements FormCheck {
  static final String REMOTE = "ref.remote";
  static final String UNRESOLVED = "ref.unresolved";

  @Override
  public void check(LintedFile form) {
    new RefCheck.Resources(form).check();
  }

  /** The resources ({@code $id}) and anchors of one document. */
  private static final class Resources {
    private final LintedFile form;

    /** Resource pointer to its absolute base URI (none for a root without {@code $id}). */
    private final Map<String, Optional<URI>> bases = new HashMap<>();

    private final Map<URI, String> resources = new HashMap<>();
    private final Map<String, Set<String>> anchors = new HashMap<>();

    Resources(LintedFile form) {
      this.form = form;
      bases.put("", Optional.empty());
    }

    void check() {
      for (SchemaTree.Node node : form.tree().nodes()) {
        collect(node);
      }
      for (SchemaTree.Node node : form.tree().nodes()) {
        for (String keyword : new String[] {"$ref", "$dynamicRef"}) {
          JsonNode ref = node.schema().get(keyword);
          if (ref != null && ref.isTextual()) {
            String at = node.pointer() + Pointers.member(keyword);
            resolve(ref.asText(), at, resourceOf(node.pointer(), true));
          }
        }
      }
    }

    private void collect(SchemaTree.Node node) {
      JsonNode id = node.schema().get("$id");
      if (id != null && id.isTextual()) {
        Optional<URI> parent =
            bases.getOrDefault(resourceOf(node.pointer(), false), Optional.empty());
        Optional<URI> base = absolute(id.asText(), parent);
        bases.put(node.pointer(), base);
        base.ifPresent(uri -> resources.putIfAbsent(uri, node.pointer()));
      }
      for (String keyword : new String[] {"$anchor", "$dynamicAnchor"}) {
        JsonNode name = node.schema().get(keyword);
        if (name != null && name.isTextual()) {
          anchors
              .computeIfAbsent(resourceOf(node.pointer(), true), k -> new HashSet<>())
              .add(name.asText());
        }
      }
    }

    private void resolve(String ref, String at, String resource) {
      URI uri;
      try {
        uri = new URI(ref);
      } catch (URISyntaxException e) {
        form.errorAtValue(
            UNRESOLVED,
            at,
            "$ref '" + ref + "' is not a valid URI reference: " + e.getReason(),
            "write a local reference such as \"#/$defs/address\"");
        return;
      }
      String target = resource;
      if (!withoutFragment(ref).isEmpty()) {
        Optional<URI> base = bases.getOrDefault(resource, Optional.empty());
        Optional<URI> resolved = absolute(withoutFragment(ref), base);
        String local = resolved.map(resources::get).orElse(null);
        if (local == null) {
          form.errorAtValue(
              REMOTE,
              at,
              "$ref '" + ref + "' points outside this document; OnceForm never fetches schemas",
              "copy the schema into \"$defs\" and refer to it as \"#/$defs/<name>\"");
          return;
        }
        target = local;
      }
      String fragment = uri.getFragment();
      if (fragment == null || fragment.isEmpty()) {
        return;
      }
      boolean found =
          fragment.startsWith("/")
              ? exists(form.root(), target, fragment)
              : anchors.getOrDefault(target, Set.of()).contains(fragment);
      if (!found) {
        form.errorAtValue(
            UNRESOLVED,
            at,
            "$ref '" + ref + "' does not resolve: the document has no " + describe(fragment),
            "point it at an existing definition, e.g. \"#/$defs/<name>\", or add the definition");
      }
    }

    private static String describe(String fragment) {
      return fragment.startsWith("/") ? "'" + fragment + "'" : "$anchor '" + fragment + "'";
    }

    private static boolean exists(JsonNode root, String resource, String fragment) {
      try {
        return !root.at(JsonPointer.compile(resource + fragment)).isMissingNode();
      } catch (IllegalArgumentException e) {
        return false;
      }
    }

    /**
     * The pointer of the innermost resource (subschema with {@code $id}, or the root) holding a
     * subschema; the subschema itself counts if {@code self}.
     */
    private String resourceOf(String pointer, boolean self) {
      String best = "";
      for (String resource : bases.keySet()) {
        boolean inside = (self && pointer.equals(resource)) || pointer.startsWith(resource + "/");
        if (inside && resource.length() > best.length()) {
          best = resource;
        }
      }
      return best;
    }
  }

  private static Optional<URI> absolute(String reference, Optional<URI> base) {
    try {
      URI uri = base.map(b -> b.resolve(reference)).orElse(new URI(reference));
      if (!uri.isAbsolute()) {
        return Optional.empty();
      }
      return Optional.of(new URI(uri.getScheme(), uri.getSchemeSpecificPart(), null));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String withoutFragment(String ref) {
    int hash = ref.indexOf('#');
    return hash < 0 ? ref : ref.substring(0, hash);
  }
}
