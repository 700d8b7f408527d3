package dev.onceform.signing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes a double as ECMAScript's {@code Number.prototype.toString} does (ECMA-262,
 * Number::toString), which RFC 8785 prescribes for numbers: the shortest decimal that reads back as
 * the same double, the one closest to it if several are as short, plain notation for decimal
 * exponents from -6 to 20 and {@code 1.5e+21} style otherwise.
 *
 * <p>{@link Double#toString} is not used for the digits: before Java 19 it does not always give the
 * shortest decimal. The digits come from {@link BigDecimal} rounding of the exact binary value,
 * checked by reading back with {@link Double#parseDouble}, which rounds correctly.
 */
final class EcmaNumber {

  /** Integers below this magnitude are exact in a double and print as themselves. */
  private static final double EXACT_INTEGER_LIMIT = 0x1p53;

  private static final int MAX_SIGNIFICANT_DIGITS = 17;

  private EcmaNumber() {}

  /**
   * Formats a finite double.
   *
   * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot hold
   */
  static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("JSON cannot hold " + value);
    }
    if (value == 0) {
      return "0"; // also -0
    }
    if (value < 0) {
      return "-" + format(-value);
    }
    if (value < EXACT_INTEGER_LIMIT && value == Math.rint(value)) {
      return Long.toString((long) value);
    }
    BigDecimal shortest = shortestDecimal(value).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale(); // value = 0.digits x 10^n
    return layout(digits, k, n);
  }

  /** The shortest decimal that reads back as {@code value}, the closest one among equals. */
  private static BigDecimal shortestDecimal(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision <= MAX_SIGNIFICANT_DIGITS; precision++) {
      BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
      BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
      boolean downFits = readsBackAs(down, value);
      boolean upFits = readsBackAs(up, value);
      if (downFits && upFits) {
        return closer(exact, down, up);
      }
      if (downFits) {
        return down;
      }
      if (upFits) {
        return up;
      }
    }
    return exact; // unreachable: 17 significant digits always read back
  }

  private static boolean readsBackAs(BigDecimal decimal, double value) {
    return Double.parseDouble(decimal.toString()) == value;
  }

  private static BigDecimal closer(BigDecimal exact, BigDecimal down, BigDecimal up) {
    int comparison = exact.subtract(down).compareTo(up.subtract(exact));
    if (comparison != 0) {
      return comparison < 0 ? down : up;
    }
    return down.unscaledValue().testBit(0) ? up : down; // a tie: the even one
  }

  private static String layout(String digits, int k, int n) {
    StringBuilder out = new StringBuilder(k + 8);
    if (k <= n && n <= 21) {
      out.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      int exponent = n - 1;
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
    }
    return out.toString();
  }
}
