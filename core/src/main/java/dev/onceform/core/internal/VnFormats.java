package dev.onceform.core.internal;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import dev.onceform.schema.AdministrativeUnits;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Vietnamese {@code format} values of the form language, as json-schema-validator formats.
 * Rules from {@code shared/DOMAIN.md}.
 */
final class VnFormats {
  /**
   * Birth-registration province codes that begin a personal identification number: the 63 pre-2025
   * province codes with a leading zero. Issued numbers never change, so all stay valid.
   */
  static final Set<String> ID_PROVINCE_CODES =
      Set.of(
          "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
          "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
          "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
          "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
          "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096");

  private static final Pattern TAX_CODE = Pattern.compile("([0-9]{10})(-[0-9]{3})?");
  private static final int[] TAX_WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

  private VnFormats() {}

  /** Returns the formats to register with the validator. */
  static List<Format> all() {
    return List.of(
        new Named("vn-personal-id", VnFormats::isPersonalId),
        new Named("vn-tax-code", VnFormats::isTaxCode),
        new Named("vn-phone", VnFormats::isPhone),
        new Named("vn-admin-unit", VnFormats::isCurrentAdminUnit));
  }

  /** Returns the rule of a Vietnamese format by name, or empty if it is not one of ours. */
  static java.util.Optional<java.util.function.Predicate<String>> rule(String name) {
    return all().stream()
        .map(Named.class::cast)
        .filter(named -> named.name().equals(name))
        .findFirst()
        .map(Named::rule);
  }

  /** 12 digits that start with a known birth-registration province code. */
  static boolean isPersonalId(String value) {
    return value.length() == 12
        && digits(value, 0, 12)
        && ID_PROVINCE_CODES.contains(value.substring(0, 3));
  }

  /**
   * A Vietnamese phone number, {@code 0} or {@code +84} and then a mobile number (3, 5, 7, 8 or 9
   * and 8 digits) or a landline number (2 and 9 digits); no spaces.
   */
  static boolean isPhone(String value) {
    int start = value.startsWith("0") ? 1 : value.startsWith("+84") ? 3 : -1;
    if (start < 0 || start >= value.length()) {
      return false;
    }
    int rest = value.length() - start;
    char first = value.charAt(start);
    boolean mobile = rest == 9 && "35789".indexOf(first) >= 0;
    boolean landline = rest == 10 && first == '2';
    return (mobile || landline) && digits(value, start + 1, value.length());
  }

  /** Whether {@code value[from, to)} are all ASCII digits (a hand-written {@code [0-9]*}). */
  private static boolean digits(String value, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * A 10-digit tax code with a valid check digit, optionally with a 3-digit branch suffix
   * (001-999), or, since 1 July 2025, an individual's personal identification number.
   */
  static boolean isTaxCode(String value) {
    if (isPersonalId(value)) {
      return true;
    }
    var matcher = TAX_CODE.matcher(value);
    if (!matcher.matches()) {
      return false;
    }
    String suffix = matcher.group(2);
    if (suffix != null && suffix.equals("-000")) {
      return false;
    }
    return hasValidCheckDigit(matcher.group(1));
  }

  /**
   * A current (2025) administrative unit: a 2-digit province or a 5-digit commune code of {@link
   * AdministrativeUnits#builtIn()}. A pre-2025 code is not current; {@link RetiredUnits} names its
   * successor.
   */
  static boolean isCurrentAdminUnit(String value) {
    if ((value.length() != 2 && value.length() != 5) || !digits(value, 0, value.length())) {
      return false;
    }
    AdministrativeUnits units = AdministrativeUnits.builtIn();
    return value.length() == 2
        ? units.province(value).isPresent()
        : units.commune(value).isPresent();
  }

  private static boolean hasValidCheckDigit(String tenDigits) {
    int sum = 0;
    for (int i = 0; i < TAX_WEIGHTS.length; i++) {
      sum += TAX_WEIGHTS[i] * (tenDigits.charAt(i) - '0');
    }
    int remainder = sum % 11; // 0 means no valid code exists for these nine digits
    return remainder != 0 && tenDigits.charAt(9) - '0' == 10 - remainder;
  }

  private record Named(String name, java.util.function.Predicate<String> rule) implements Format {
    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
      return rule.test(value);
    }
  }
}
