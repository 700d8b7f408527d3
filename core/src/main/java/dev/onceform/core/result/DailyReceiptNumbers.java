package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

import dev.onceform.schema.OnceFormException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link ReceiptNumbers#daily}: one counter per agency for the current day. The day only moves
 * forward, so a (day, agency, sequence) triple is never issued twice; counters of past days are
 * dropped when the day changes.
 */
final class DailyReceiptNumbers implements ReceiptNumberGenerator {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);

  private final Clock clock;
  private final AtomicReference<Day> current;

  DailyReceiptNumbers(Clock clock) {
    this.clock = clock;
    this.current = new AtomicReference<>(new Day(LocalDate.MIN));
  }

  /** The counters of one day. */
  private static final class Day {
    final LocalDate date;
    final String text;
    final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    Day(LocalDate date) {
      this.date = date;
      this.text = date.equals(LocalDate.MIN) ? "" : date.format(DAY);
    }
  }

  @Override
  public String next(String agencyCode) {
    if (!ReceiptNumbers.isAgencyCode(agencyCode)) {
      throw new OnceFormException(
          ResultErrors.BAD_AGENCY_CODE,
          "agency code must be upper-case letters and digits in dot-separated groups of 1-4,"
              + " e.g. 000.00.00.H29, but was '"
              + agencyCode
              + "'; use the agency's code on the national document exchange");
    }
    Day day = today();
    long sequence =
        day.counters.computeIfAbsent(agencyCode, code -> new AtomicLong()).incrementAndGet();
    return String.format(Locale.ROOT, "%s-%s-%04d", agencyCode, day.text, sequence);
  }

  private Day today() {
    LocalDate date = LocalDate.ofInstant(clock.instant(), ReceiptNumbers.ZONE);
    while (true) {
      Day day = requireNonNull(current.get());
      if (!date.isAfter(day.date)) {
        return day;
      }
      Day next = new Day(date);
      if (current.compareAndSet(day, next)) {
        return next;
      }
    }
  }

  @Override
  public String id() {
    return "daily";
  }
}
