package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The code lists bundled with OnceForm, and ways to combine them with your own {@link
 * CodeListProvider}s.
 *
 * <p>Bundled lists (see {@code docs/codelists.md} for sources, licences and limits):
 *
 * <ul>
 *   <li>{@code admin-units-2025/province}: the 34 provinces and centrally-run cities, 2-digit GSO
 *       codes; {@code admin-units-2025/commune}: the 3,321 communes (xã, phường, đặc khu), 5-digit
 *       codes. Codes of Quyết định 19/2025/QĐ-TTg, names of the GSO list of 2026-10-08. See {@link
 *       AdministrativeUnits} for provinces of communes and for converting pre-reform codes.
 *   <li>{@code ethnic-groups}: the 54 groups, 2008 GSO codes "01".."54" (Quyết định 1019/QĐ-TCTK).
 *   <li>{@code nationalities}: ISO 3166-1 alpha-2 codes ("VN") with Vietnamese names, 249.
 *   <li>{@code religions}: "none" and the 16 religions of the 2019 census, with OnceForm's word
 *       codes ("buddhism"); no official code list was found.
 *   <li>{@code sex} ("male", "female"), {@code relationships} (to a child) and {@code
 *       household-relationships} (to the head of a household), written for OnceForm.
 * </ul>
 *
 * <p>Each bundled file is parsed at most once per class loader, on first use, and the list is kept:
 * the cache is a {@link ConcurrentHashMap} filled with {@code computeIfAbsent}, so concurrent first
 * calls read a file once and all get the same immutable {@link CodeList}. A failed read is not
 * cached.
 */
public final class CodeLists {
  private static final System.Logger LOG = System.getLogger(CodeLists.class.getName());
  private static final Map<String, Spec> SPECS = specs();
  private static final Set<String> NAMES =
      Collections.unmodifiableSet(new LinkedHashSet<>(SPECS.keySet()));
  private static final CodeListProvider BUNDLED = new Bundled();

  private CodeLists() {}

  /** Returns the names of the bundled lists. */
  public static Set<String> names() {
    return NAMES;
  }

  /**
   * Returns a bundled list by name. The list is read from the jar on the first call only.
   *
   * @return the list, or empty if no bundled list has that name
   * @throws OnceFormException {@code OF-CODE-101} if the bundled file is missing or damaged
   */
  public static Optional<CodeList> builtIn(String name) {
    return BUNDLED.find(name);
  }

  /**
   * Returns the provider of the bundled lists (its id is {@code onceform-bundled}). Thread-safe;
   * lists are read lazily, once, and shared by every caller.
   */
  public static CodeListProvider builtIn() {
    return BUNDLED;
  }

  /**
   * Returns a provider that asks the given providers in order: for each name, the first provider
   * that has a list of that name wins. Use it to add your lists to the bundled ones ({@code
   * compose(CodeLists.builtIn(), mine)}) or, deliberately, to replace a bundled list ({@code
   * compose(mine, CodeLists.builtIn())}).
   *
   * @param providers the providers, first wins; none gives a provider without lists
   * @return an immutable, thread-safe provider; {@link CodeListProvider#names()} is the union of
   *     the providers' names, read now
   */
  public static CodeListProvider compose(CodeListProvider... providers) {
    List<CodeListProvider> list = new ArrayList<>();
    for (CodeListProvider provider : providers) {
      list.add(requireNonNull(provider, "provider"));
    }
    return new Composite(list);
  }

  /**
   * Returns the bundled lists together with every provider {@link ServiceLoader} finds (through the
   * thread's context class loader). An installed provider may not replace a bundled list, nor serve
   * a name another installed provider serves: that is an error, because the winner would depend on
   * the class path order. To replace a bundled list on purpose, use {@link #compose}.
   *
   * <p>A provider that cannot be loaded or instantiated is skipped and reported as a warning
   * ({@code OF-CODE-105}, naming its class and cause, with {@link System.Logger}); the others are
   * still installed. Each call looks the providers up again: call it once and keep the result.
   *
   * @return an immutable, thread-safe provider, bundled lists first
   * @throws OnceFormException {@code OF-CODE-104} if two providers serve the same name
   */
  public static CodeListProvider installed() {
    List<CodeListProvider> providers = new ArrayList<>();
    providers.add(BUNDLED);
    Map<String, CodeListProvider> owners = new LinkedHashMap<>();
    NAMES.forEach(name -> owners.put(name, BUNDLED));
    for (CodeListProvider provider : discovered()) {
      for (String name : provider.names()) {
        CodeListProvider owner = owners.putIfAbsent(name, provider);
        if (owner != null) {
          throw new OnceFormException(
              "OF-CODE-104",
              "code list '"
                  + name
                  + "' is served by both "
                  + (owner == BUNDLED ? "OnceForm's bundled lists" : owner.id())
                  + " and the installed provider "
                  + provider.id()
                  + "; rename one list, remove one provider from the class path, or choose the"
                  + " order explicitly with CodeLists.compose(...)");
        }
      }
      providers.add(provider);
    }
    return new Composite(providers);
  }

  private static List<CodeListProvider> discovered() {
    List<CodeListProvider> found = new ArrayList<>();
    Iterator<CodeListProvider> it = ServiceLoader.load(CodeListProvider.class).iterator();
    for (int failures = 0; failures < 100; ) {
      try {
        if (!it.hasNext()) {
          break;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError e) {
        failures++;
        LOG.log(
            System.Logger.Level.WARNING,
            "OF-CODE-105: a code list provider could not be loaded and is skipped: "
                + e.getMessage()
                + (e.getCause() == null ? "" : "; cause: " + e.getCause()),
            e);
      }
    }
    return found;
  }

  /** Reads a bundled JSON file from {@code dev/onceform/schema/codelists/}. */
  static JsonNode readBundled(String file) {
    String resource = "codelists/" + file;
    try (InputStream in = CodeLists.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw damaged(file, "it is missing from the jar", null);
      }
      return Json.read(in, resource);
    } catch (IOException e) {
      throw damaged(file, "it cannot be read", new UncheckedIOException(e));
    }
  }

  /** The error for a bundled file that is missing or does not hold what OnceForm expects. */
  static OnceFormException damaged(String file, String detail, @Nullable Throwable cause) {
    return new OnceFormException(
        "OF-CODE-101",
        "bundled code list file codelists/"
            + file
            + " is damaged: "
            + detail
            + "; the jar is broken, rebuild or re-download it",
        cause);
  }

  /** The {@code source} and {@code license} texts of a bundled file, as one text. */
  static String sourceOf(JsonNode root) {
    return root.path("source").asText("") + " Licence: " + root.path("license").asText("");
  }

  private static Map<String, Spec> specs() {
    Map<String, Spec> specs = new LinkedHashMap<>();
    specs.put("admin-units-2025/province", new Spec(units(AdministrativeUnits::provinces)));
    specs.put(
        "admin-units-2025/commune", new Spec(units(u -> List.copyOf(u.communesByCode().values()))));
    specs.put(
        "ethnic-groups",
        new Spec("ethnic-groups.json", "1019/QĐ-TCTK 2008-11-12", "groups", "code", "name", ""));
    specs.put(
        "nationalities",
        new Spec(
            "nationalities.json", "iso-codes 4.15.0", "countries", "alpha2", "nameVi", "nameEn"));
    specs.put(
        "religions", new Spec("religions.json", "2019-census", "entries", "code", "vi", "en"));
    specs.put("sex", new Spec("sex.json", "1", "entries", "code", "vi", "en"));
    specs.put("relationships", new Spec("relationships.json", "1", "entries", "code", "vi", "en"));
    specs.put(
        "household-relationships",
        new Spec("household-relationships.json", "1", "entries", "code", "vi", "en"));
    return Collections.unmodifiableMap(specs);
  }

  private static Function<String, CodeList> units(
      Function<AdministrativeUnits, List<AdminUnit>> of) {
    return name -> {
      AdministrativeUnits units = AdministrativeUnits.builtIn();
      Map<String, LocalizedText> entries = new LinkedHashMap<>();
      of.apply(units).forEach(unit -> entries.put(unit.code(), LocalizedText.of(unit.name())));
      return new CodeList(name, units.version(), units.source(), entries);
    };
  }

  /** How to load one bundled list. */
  private record Spec(Function<String, CodeList> loader) {
    /** A list read from one file: an array of objects, each with a code and labels. */
    Spec(String file, String version, String array, String code, String vi, String en) {
      this(name -> fromFile(name, file, version, array, code, vi, en));
    }
  }

  private static CodeList fromFile(
      String name, String file, String version, String array, String code, String vi, String en) {
    JsonNode root = readBundled(file);
    Map<String, LocalizedText> entries = new LinkedHashMap<>();
    for (JsonNode entry : root.path(array)) {
      String english = en.isEmpty() ? "" : entry.path(en).asText("");
      String label = entry.path(vi).asText("");
      if (label.isBlank() || entries.containsKey(entry.path(code).asText())) {
        throw damaged(file, "entry " + entry.path(code) + " has no label or is repeated", null);
      }
      entries.put(
          entry.path(code).asText(),
          english.isEmpty() ? LocalizedText.of(label) : LocalizedText.of(label, english));
    }
    if (entries.isEmpty()) {
      throw damaged(file, "it has no entries under '" + array + "'", null);
    }
    return new CodeList(name, version, sourceOf(root), entries);
  }

  /** The bundled lists, each loaded on first use and kept. */
  private static final class Bundled implements CodeListProvider {
    private final Map<String, CodeList> cache = new ConcurrentHashMap<>();

    @Override
    public String id() {
      return "onceform-bundled";
    }

    @Override
    public Set<String> names() {
      return NAMES;
    }

    @Override
    public Optional<CodeList> find(String name) {
      Spec spec = SPECS.get(requireNonNull(name, "name"));
      return spec == null
          ? Optional.empty()
          : Optional.of(cache.computeIfAbsent(name, spec.loader()::apply));
    }

    @Override
    public String toString() {
      return "CodeListProvider[onceform-bundled " + NAMES + "]";
    }
  }

  /** Several providers asked in order; the first that has a name wins. */
  private static final class Composite implements CodeListProvider {
    private final List<CodeListProvider> providers;
    private final Set<String> names;

    Composite(List<CodeListProvider> providers) {
      this.providers = List.copyOf(providers);
      Set<String> all = new LinkedHashSet<>();
      this.providers.forEach(p -> all.addAll(p.names()));
      this.names = Collections.unmodifiableSet(all);
    }

    @Override
    public String id() {
      return "compose" + providers.stream().map(CodeListProvider::id).toList();
    }

    @Override
    public Set<String> names() {
      return names;
    }

    @Override
    public Optional<CodeList> find(String name) {
      requireNonNull(name, "name");
      for (CodeListProvider provider : providers) {
        Optional<CodeList> list = provider.find(name);
        if (list.isPresent()) {
          return list;
        }
      }
      return Optional.empty();
    }

    @Override
    public String toString() {
      return "CodeListProvider[" + id() + "]";
    }
  }
}
