package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.CodeList;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * How a renderer shows a result value; the value in {@code result.json} stays as in the submission
 * (ISO dates, codes). Written in templates in lower case ({@code "format": "date"}).
 */
public enum ValueFormat {
  /** The value as it is. */
  TEXT("text"),
  /** An ISO date ({@code 2026-10-05}) as {@code 05/10/2026}; in English {@code 5 October 2026}. */
  DATE("date"),
  /** A number with grouped digits: {@code 100.000.000} in Vietnamese, {@code 100,000,000}. */
  NUMBER("number"),
  /** A code shown as its label in the code list of the form field it comes from. */
  CODE("code"),
  /** A boolean as {@code Có} / {@code Không} ({@code Yes} / {@code No}). */
  YES_NO("yes-no");

  private static final Locale VI = Locale.forLanguageTag("vi");
  private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter EN_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

  private final String jsonName;

  ValueFormat(String jsonName) {
    this.jsonName = jsonName;
  }

  /** Returns the name used in template files, e.g. {@code yes-no}. */
  public String jsonName() {
    return jsonName;
  }

  /**
   * Returns the format with a template name.
   *
   * @throws IllegalArgumentException for a name that is not one of the formats
   */
  public static ValueFormat ofJsonName(String name) {
    for (ValueFormat format : values()) {
      if (format.jsonName.equals(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + name + "'; use text, date, number, code or yes-no");
  }

  /**
   * Returns a value as a person reads it. A value the format does not fit (a date that does not
   * parse, a code missing from the list) is shown as it is.
   *
   * @param value the value from {@code result.json}
   * @param locale Vietnamese unless the language is {@code en}
   * @param codeList for {@link #CODE}, the code list of the form field; ignored otherwise
   */
  public String display(JsonNode value, Locale locale, Optional<CodeList> codeList) {
    requireNonNull(value, "value");
    requireNonNull(locale, "locale");
    requireNonNull(codeList, "codeList");
    boolean english = "en".equals(locale.getLanguage());
    String text = value.isValueNode() ? value.asText() : value.toString();
    return switch (this) {
      case TEXT -> text;
      case DATE -> date(text, english);
      case NUMBER -> value.isNumber() ? number(value.decimalValue(), english) : text;
      case CODE ->
          codeList
              .flatMap(list -> list.label(text))
              .map(label -> label.in(english ? Locale.ENGLISH : VI))
              .orElse(text);
      case YES_NO -> value.isBoolean() ? (value.booleanValue() ? yes(english) : no(english)) : text;
    };
  }

  private static String date(String text, boolean english) {
    try {
      return LocalDate.parse(text).format(english ? EN_DATE : VI_DATE);
    } catch (DateTimeParseException e) {
      try {
        return YearMonth.parse(text).format(MONTH);
      } catch (DateTimeParseException notMonth) {
        return text;
      }
    }
  }

  private static String number(BigDecimal value, boolean english) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
    symbols.setGroupingSeparator(english ? ',' : '.');
    symbols.setDecimalSeparator(english ? '.' : ',');
    DecimalFormat format = new DecimalFormat("#,##0.##", symbols);
    return format.format(value);
  }

  private static String yes(boolean english) {
    return english ? "Yes" : "Có";
  }

  private static String no(boolean english) {
    return english ? "No" : "Không";
  }
}
