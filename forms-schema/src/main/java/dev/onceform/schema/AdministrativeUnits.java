package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Viet Nam's administrative units since the reform of 1 July 2025: 34 provinces and 3,321 communes
 * (codes of Quyết định 19/2025/QĐ-TTg), as the General Statistics Office (GSO) served them on
 * 2026-10-08, and the conversion of pre-reform codes to current ones.
 *
 * <p>Codes did not change after 1 July 2025; in 2026 three provinces became centrally-run cities
 * (Đồng Nai, Quảng Ninh, Bắc Ninh) and 22 xã became phường, so types and names are those of the
 * snapshot. Names are spelled exactly as the GSO writes them, which is not always consistent (see
 * {@code docs/codelists.md}); compare codes, not names.
 *
 * <p>{@link #current(String)} converts a commune code of 30 June 2025 (63 provinces, 10,035
 * communes) with the GSO conversion table. The mapping is partial in two ways: 382 of the 440 old
 * communes that were split across several new communes have no single successor (the street or
 * village decides), and codes that had disappeared before 30 June 2025 are not in the table.
 *
 * <p>A five-digit code does not say which system it belongs to: 3,316 current codes were also codes
 * of 30 June 2025, for the old commune whose code the new, larger commune kept. Know the date of a
 * record before converting it.
 *
 * <p>Immutable and thread-safe. The list is read from the jar once, on first use of {@link
 * #builtIn()}; the conversion table is read once, on first use of {@link #current(String)}.
 */
public final class AdministrativeUnits {
  static final String CURRENT_FILE = "admin-units-current.json";
  private static final Lazy<AdministrativeUnits> BUILT_IN =
      new Lazy<>(() -> read(CodeLists.readBundled(CURRENT_FILE)));

  private final String version;
  private final String source;
  private final Map<String, AdminUnit> provinces;
  private final List<AdminUnit> provinceList;
  private final Map<String, AdminUnit> communes;
  private final Map<String, List<AdminUnit>> communesByProvince;
  private final Map<String, String> newProvinceOfOld;
  private final Lazy<Map<String, AdminUnitConversion>> conversions;

  private AdministrativeUnits(
      String version,
      String source,
      Map<String, AdminUnit> provinces,
      Map<String, List<AdminUnit>> communesByProvince,
      Map<String, String> newProvinceOfOld) {
    this.version = version;
    this.source = source;
    this.provinces = Collections.unmodifiableMap(provinces);
    this.provinceList = List.copyOf(provinces.values());
    this.communesByProvince = Map.copyOf(communesByProvince);
    Map<String, AdminUnit> all = new LinkedHashMap<>();
    communesByProvince.values().forEach(list -> list.forEach(unit -> all.put(unit.code(), unit)));
    this.communes = Collections.unmodifiableMap(all);
    this.newProvinceOfOld = Map.copyOf(newProvinceOfOld);
    this.conversions = new Lazy<>(() -> AdminUnitConversionTable.read(this));
  }

  /**
   * Returns the bundled list: GSO snapshot of 2026-10-08 and the GSO conversion table of 2025.
   *
   * @throws OnceFormException {@code OF-CODE-101} if the bundled data is missing or damaged
   */
  public static AdministrativeUnits builtIn() {
    return BUILT_IN.get();
  }

  /** Returns the edition of the list: the date of the GSO snapshot, {@code 2026-10-08}. */
  public String version() {
    return version;
  }

  /** Returns where the list comes from, and under which licence. */
  public String source() {
    return source;
  }

  /** Returns the 34 provinces and centrally-run cities, in code order. */
  public List<AdminUnit> provinces() {
    return provinceList;
  }

  /**
   * Returns a current province by code.
   *
   * @param code two digits, such as {@code "01"} (Hà Nội) or {@code "79"} (Hồ Chí Minh)
   * @return the province, or empty if no current province has that code
   * @throws OnceFormException {@code OF-CODE-103} if the code is not two ASCII digits
   */
  public Optional<AdminUnit> province(String code) {
    return Optional.ofNullable(provinces.get(provinceCode(code)));
  }

  /**
   * Returns a current commune (xã, phường or đặc khu) by code.
   *
   * @param code five digits, such as {@code "00004"} (Phường Ba Đình)
   * @return the commune, or empty if no current commune has that code
   * @throws OnceFormException {@code OF-CODE-102} if the code is not five ASCII digits
   */
  public Optional<AdminUnit> commune(String code) {
    return Optional.ofNullable(communes.get(communeCode(code)));
  }

  /**
   * Returns the communes of a current province, in code order.
   *
   * @param provinceCode two digits, such as {@code "01"}
   * @return the communes, or an empty list if no current province has that code
   * @throws OnceFormException {@code OF-CODE-103} if the code is not two ASCII digits
   */
  public List<AdminUnit> communes(String provinceCode) {
    return communesByProvince.getOrDefault(provinceCode(provinceCode), List.of());
  }

  /**
   * Converts a commune code of 30 June 2025 (before the reform) to its successor(s).
   *
   * <p>The conversion is exact for 9,595 old communes that went whole into one new commune and for
   * 58 split ones whose residents all went to one new commune; for the other 382 split communes it
   * is {@link AdminUnitConversion.Status#AMBIGUOUS ambiguous}: the answer lists the candidates and
   * what each took, and the street or village decides. Codes that were not communes on 30 June 2025
   * (for instance wards merged earlier in 2025) are {@link AdminUnitConversion.Status#UNKNOWN
   * unknown}. The GSO table's three wrong old codes are corrected (00556, 01651 and 02482 convert).
   * Successors carry their current names and types.
   *
   * @param oldCommuneCode five digits, such as {@code "00001"} (Phường Phúc Xá, Quận Ba Đình)
   * @return the conversion, never null
   * @throws OnceFormException {@code OF-CODE-102} if the code is not five ASCII digits
   */
  public AdminUnitConversion current(String oldCommuneCode) {
    String code = communeCode(oldCommuneCode);
    AdminUnitConversion known = conversions.get().get(code);
    return known != null
        ? known
        : new AdminUnitConversion(
            code, Optional.empty(), AdminUnitConversion.Status.UNKNOWN, List.of());
  }

  /**
   * Converts a province code of 30 June 2025 (one of 63) to the current province (one of 34).
   * Provinces merged whole (Nghị quyết 202/2025/QH15), so the answer is always exact; a province
   * that was not merged into another keeps its code.
   *
   * @param oldProvinceCode two digits, such as {@code "74"} (Bình Dương, now part of Hồ Chí Minh)
   * @return the current province, or empty if there was no province with that code on 30 June 2025
   * @throws OnceFormException {@code OF-CODE-103} if the code is not two ASCII digits
   */
  public Optional<AdminUnit> currentProvince(String oldProvinceCode) {
    String code = newProvinceOfOld.get(provinceCode(oldProvinceCode));
    return code == null ? Optional.empty() : Optional.ofNullable(provinces.get(code));
  }

  /** Returns the version and size, not the units. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "AdministrativeUnits[%s, %d provinces, %d communes]",
        version,
        provinces.size(),
        communes.size());
  }

  /** The commune-level units by code (for the conversion table and the code list). */
  Map<String, AdminUnit> communesByCode() {
    return communes;
  }

  static String communeCode(String code) {
    return checked(code, 5, "OF-CODE-102", "commune", "\"00004\"");
  }

  static String provinceCode(String code) {
    return checked(code, 2, "OF-CODE-103", "province", "\"01\"");
  }

  private static String checked(
      String code, int digits, String error, String what, String example) {
    requireNonNull(code, what + " code");
    boolean ok = code.length() == digits;
    for (int i = 0; ok && i < digits; i++) {
      char c = code.charAt(i);
      ok = c >= '0' && c <= '9';
    }
    if (!ok) {
      String shown = code.length() <= 12 ? "'" + code + "'" : "a " + code.length() + "-char text";
      throw new OnceFormException(
          error,
          String.format(
              Locale.ROOT,
              "a %s code is %d ASCII digits with its leading zeros, such as %s, but was %s;"
                  + " pass the GSO code as a string, not a number or a name",
              what,
              digits,
              example,
              shown));
    }
    return code;
  }

  private static AdministrativeUnits read(JsonNode root) {
    Map<String, AdminUnit> provinces = new LinkedHashMap<>();
    Map<String, List<AdminUnit>> communes = new LinkedHashMap<>();
    Map<String, String> newProvinceOfOld = new LinkedHashMap<>();
    try {
      for (JsonNode p : root.path("provinces")) {
        String code = p.path("code").asText();
        AdminUnit province =
            new AdminUnit(
                code, p.path("name").asText(), AdminUnit.Type.ofVi(p.path("type").asText()), code);
        provinces.put(code, province);
        p.path("formedFrom").forEach(old -> newProvinceOfOld.put(old.asText(), code));
        List<AdminUnit> list = new ArrayList<>();
        for (JsonNode c : p.path("communes")) {
          list.add(
              new AdminUnit(
                  c.path("code").asText(),
                  c.path("name").asText(),
                  AdminUnit.Type.ofVi(c.path("type").asText()),
                  code));
        }
        communes.put(code, List.copyOf(list));
      }
    } catch (IllegalArgumentException e) {
      throw CodeLists.damaged(CURRENT_FILE, String.valueOf(e.getMessage()), e);
    }
    if (provinces.isEmpty()) {
      throw CodeLists.damaged(CURRENT_FILE, "it lists no provinces", null);
    }
    String source = CodeLists.sourceOf(root);
    return new AdministrativeUnits(
        root.path("effective").asText(), source, provinces, communes, newProvinceOfOld);
  }

  /**
   * A value computed on first use, at most once (double-checked locking on a volatile field); a
   * failure is not remembered, so the next call tries again.
   */
  static final class Lazy<T> {
    private final Supplier<T> init;
    private volatile @Nullable T value;

    Lazy(Supplier<T> init) {
      this.init = init;
    }

    T get() {
      T v = value;
      if (v != null) {
        return v;
      }
      synchronized (this) {
        v = value;
        if (v == null) {
          v = requireNonNull(init.get(), "lazy value");
          value = v;
        }
        return v;
      }
    }
  }
}
