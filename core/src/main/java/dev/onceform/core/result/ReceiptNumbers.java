package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * The default {@link ReceiptNumberGenerator} and the format of receipt numbers (mã hồ sơ).
 *
 * <p>The format follows Article 19 of Circular 01/2018/TT-VPCP on the one-stop shop: {@code <agency
 * code>-<yyMMdd>-<sequence>}, e.g. {@code 000.00.00.H29-261123-0001}: the receiving agency's code
 * on the national document exchange (QCVN 102:2016/BTTTT), the day of receipt in Vietnam, and the
 * file's number within that day and agency, at least four digits. The circular has four digits; a
 * sequence past 9999 in one day gets a fifth digit rather than repeat a number.
 */
public final class ReceiptNumbers {
  /** Vietnam's time zone, where the day of a receipt number is counted. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private static final Pattern AGENCY_CODE =
      Pattern.compile("[0-9A-Z]{1,4}(\\.[0-9A-Z]{1,4}){0,4}");

  private static final Pattern RECEIPT_NUMBER =
      Pattern.compile("[0-9A-Z]{1,4}(\\.[0-9A-Z]{1,4}){0,4}-[0-9]{6}-[0-9]{4,}");

  private ReceiptNumbers() {}

  /**
   * Returns a generator that numbers files per agency and day, from 0001, in memory: the count
   * starts again at 1 on each new day in {@link #ZONE}, as the clock tells. Thread-safe and
   * lock-free; numbers are unique for the life of the generator. After a restart it starts again at
   * 0001, so a system that restarts during the day needs a generator over a database sequence.
   *
   * @param clock gives the day; a clock that goes back is treated as still on the latest day seen
   */
  public static ReceiptNumberGenerator daily(Clock clock) {
    return new DailyReceiptNumbers(requireNonNull(clock, "clock"));
  }

  /** Returns whether a text is an agency code as receipt numbers use it, e.g. {@code H27.39}. */
  public static boolean isAgencyCode(String code) {
    return AGENCY_CODE.matcher(requireNonNull(code, "code")).matches();
  }

  /** Returns whether a text has the default receipt number format. */
  public static boolean isReceiptNumber(String number) {
    return RECEIPT_NUMBER.matcher(requireNonNull(number, "number")).matches();
  }
}
