package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * A province-level or commune-level administrative unit of Viet Nam, as listed by the General
 * Statistics Office (GSO). Since 1 July 2025 there are two levels: 34 provinces (tỉnh and
 * centrally-run cities) and 3,321 communes (xã, phường and đặc khu); districts were abolished.
 *
 * @param code the GSO code: 2 digits for a province ({@code "01"}), 5 for a commune ({@code
 *     "00004"})
 * @param name the full name exactly as the GSO writes it, type word included ("Thành phố Hà Nội",
 *     "Phường Ba Đình"); see {@code docs/codelists.md} on its spelling
 * @param type the kind of unit
 * @param provinceCode the code of the province the unit lies in; a province's own code for a
 *     province
 */
public record AdminUnit(String code, String name, Type type, String provinceCode) {

  /** Checks the code formats and that a province is its own province. */
  public AdminUnit {
    requireNonNull(code, "code");
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(provinceCode, "provinceCode");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name of unit " + code + " must not be blank");
    }
    if (!provinceCode.matches("[0-9]{2}")) {
      throw new IllegalArgumentException(
          "provinceCode must be 2 digits, but was '" + provinceCode + "'");
    }
    if (type.provinceLevel()) {
      if (!code.equals(provinceCode)) {
        throw new IllegalArgumentException(
            "a province's provinceCode is its own code, but was " + provinceCode + " for " + code);
      }
    } else if (!code.matches("[0-9]{5}")) {
      throw new IllegalArgumentException("a commune code has 5 digits, but was '" + code + "'");
    }
  }

  /** The kinds of unit, with the Vietnamese word the GSO list uses. */
  public enum Type {
    /** Tỉnh: a province. */
    PROVINCE("tỉnh", true),
    /**
     * Thành phố trực thuộc trung ương: a centrally-run city, province-level (9 in October 2026).
     */
    CITY("thành phố trực thuộc trung ương", true),
    /** Phường: an urban commune-level unit (ward). */
    WARD("phường", false),
    /** Xã: a rural commune. */
    COMMUNE("xã", false),
    /** Đặc khu: a special zone, commune-level (13, mostly islands). */
    SPECIAL_ZONE("đặc khu", false);

    private final String vi;
    private final boolean provinceLevel;

    Type(String vi, boolean provinceLevel) {
      this.vi = vi;
      this.provinceLevel = provinceLevel;
    }

    /** Returns the Vietnamese word as the GSO list writes it, such as {@code "phường"}. */
    public String vi() {
      return vi;
    }

    /** Returns whether units of this type are province-level ({@code PROVINCE}, {@code CITY}). */
    public boolean provinceLevel() {
      return provinceLevel;
    }

    /** Returns the type the GSO word names, or throws if the word is not one of the five. */
    static Type ofVi(String word) {
      String lower = word.toLowerCase(Locale.ROOT);
      for (Type type : values()) {
        if (type.vi.equals(lower)) {
          return type;
        }
      }
      throw new IllegalArgumentException("unknown unit type '" + word + "'");
    }
  }
}
