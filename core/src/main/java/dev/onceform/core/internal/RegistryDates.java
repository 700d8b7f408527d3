package dev.onceform.core.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the date forms registries commonly use and returns them as ISO-8601 {@code yyyy-MM-dd}: ISO
 * dates (also with a time part, which is dropped), {@code dd/MM/yyyy}, {@code dd-MM-yyyy}, {@code
 * dd.MM.yyyy} (day first, as written in Viet Nam, leading zeros optional), {@code yyyy/MM/dd} and
 * {@code yyyyMMdd}. Dates are checked strictly (no 31 February).
 */
final class RegistryDates {
  private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");
  private static final List<DateTimeFormatter> FORMS =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT),
          DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT),
          DateTimeFormatter.ofPattern("d-M-uuuu", Locale.ROOT),
          DateTimeFormatter.ofPattern("d.M.uuuu", Locale.ROOT),
          DateTimeFormatter.ofPattern("uuuu/M/d", Locale.ROOT),
          DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT));

  private RegistryDates() {}

  /** Returns the date as {@code yyyy-MM-dd}, or empty if it is in none of the known forms. */
  static Optional<String> toIso(String text) {
    String date = ISO_DATE_TIME.matcher(text).matches() ? text.substring(0, 10) : text;
    for (DateTimeFormatter form : FORMS) {
      try {
        return Optional.of(
            LocalDate.parse(date, form.withResolverStyle(ResolverStyle.STRICT)).toString());
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }
}
