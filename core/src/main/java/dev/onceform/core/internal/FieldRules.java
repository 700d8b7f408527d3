package dev.onceform.core.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.validation.Problem;
import dev.onceform.schema.FormDefinition;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The field keywords OnceForm checks itself, after JSON Schema: {@code x-not-future} (code {@code
 * date.future}) and {@code x-personal-id} (codes {@code personal-id.birth-year} and {@code
 * personal-id.sex}). A value JSON Schema already flagged is not checked again, and a link is only
 * checked when the linked field is present and valid. Built once per form version; immutable and
 * thread-safe.
 */
final class FieldRules {
  static final String FUTURE = "date.future";
  static final String BIRTH_YEAR = "personal-id.birth-year";
  static final String SEX = "personal-id.sex";

  /** Dates are judged in Vietnam: "today" is today in Hà Nội. */
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private static final int MAX_REF_DEPTH = 8;
  private static final int MAX_SCHEMA_DEPTH = 64;

  private final FormDefinition form;
  private final List<NotFuture> notFuture;
  private final List<PersonalIdLink> links;

  /** The pointers the links name, compiled once. */
  private final Map<String, JsonPointer> pointers;

  /** A field with {@code x-not-future}; {@code path} holds {@code *} for array items. */
  private record NotFuture(List<String> path, boolean dateTime) {}

  /** A field with {@code x-personal-id} and the pointers it links to. */
  private record PersonalIdLink(
      String pointer, Optional<String> dateOfBirth, Optional<String> sex) {}

  private FieldRules(FormDefinition form, List<NotFuture> notFuture, List<PersonalIdLink> links) {
    this.form = form;
    this.notFuture = List.copyOf(notFuture);
    this.links = List.copyOf(links);
    Map<String, JsonPointer> compiled = new HashMap<>();
    for (PersonalIdLink link : links) {
      compile(link.pointer(), compiled);
      link.dateOfBirth().ifPresent(p -> compile(p, compiled));
      link.sex().ifPresent(p -> compile(p, compiled));
    }
    this.pointers = Map.copyOf(compiled);
  }

  private static void compile(String pointer, Map<String, JsonPointer> compiled) {
    try {
      compiled.put(pointer, JsonPointer.compile(pointer));
    } catch (IllegalArgumentException e) {
      // not a pointer: the linter reports it, and valid() finds nothing there
    }
  }

  /** Finds the fields with the keywords in a form's schema. */
  static FieldRules of(FormDefinition form) {
    List<NotFuture> notFuture = new ArrayList<>();
    List<PersonalIdLink> links = new ArrayList<>();
    JsonNode root = form.schema();
    collect(root, root, new ArrayList<>(), notFuture, links, 0);
    return new FieldRules(form, notFuture, links);
  }

  private static void collect(
      JsonNode root,
      JsonNode schema,
      List<String> path,
      List<NotFuture> notFuture,
      List<PersonalIdLink> links,
      int depth) {
    JsonNode node = resolve(root, schema);
    if (!node.isObject() || depth > MAX_SCHEMA_DEPTH) {
      return;
    }
    if (node.path("x-not-future").asBoolean(false)) {
      notFuture.add(
          new NotFuture(List.copyOf(path), "date-time".equals(node.path("format").asText())));
    }
    JsonNode link = node.get("x-personal-id");
    if (link != null && link.isObject() && !path.contains("*")) {
      links.add(new PersonalIdLink(pointer(path), text(link, "dateOfBirth"), text(link, "sex")));
    }
    for (Map.Entry<String, JsonNode> property : node.path("properties").properties()) {
      path.add(property.getKey());
      collect(root, property.getValue(), path, notFuture, links, depth + 1);
      path.remove(path.size() - 1);
    }
    if (node.path("items").isObject()) {
      path.add("*");
      collect(root, node.get("items"), path, notFuture, links, depth + 1);
      path.remove(path.size() - 1);
    }
  }

  private static Optional<String> text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    JsonNode node = schema;
    for (int i = 0; i < MAX_REF_DEPTH && node.path("$ref").asText("").startsWith("#"); i++) {
      node = root.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }

  private static String pointer(List<String> path) {
    JsonPointer pointer = JsonPointer.empty();
    for (String step : path) {
      pointer = pointer.appendProperty(step);
    }
    return pointer.toString();
  }

  /**
   * Checks a submission.
   *
   * @param flagged the pointers JSON Schema already reported
   * @param clock the engine's clock; today is its date in {@link #ZONE}
   */
  void check(
      JsonNode submission,
      Clock clock,
      Set<String> flagged,
      ProblemMessages messages,
      List<Problem> problems) {
    if (!notFuture.isEmpty()) {
      LocalDate today = LocalDate.now(clock.withZone(ZONE));
      for (NotFuture field : notFuture) {
        checkNotFuture(submission, field, 0, "", today, flagged, messages, problems);
      }
    }
    for (PersonalIdLink link : links) {
      checkLink(submission, link, flagged, messages, problems);
    }
  }

  private void checkNotFuture(
      JsonNode value,
      NotFuture field,
      int step,
      String at,
      LocalDate today,
      Set<String> flagged,
      ProblemMessages messages,
      List<Problem> problems) {
    if (step == field.path().size()) {
      String pointer = at;
      if (!value.isTextual() || flagged.contains(pointer)) {
        return;
      }
      date(value.asText(), field.dateTime())
          .filter(date -> date.isAfter(today))
          .ifPresent(date -> problems.add(messages.own(form, pointer, FUTURE, FUTURE, "", "")));
      return;
    }
    String name = field.path().get(step);
    if (name.equals("*")) {
      for (int i = 0; i < value.size() && value.isArray(); i++) {
        checkNotFuture(
            value.get(i), field, step + 1, at + "/" + i, today, flagged, messages, problems);
      }
    } else if (value.isObject() && value.has(name)) {
      checkNotFuture(
          value.get(name),
          field,
          step + 1,
          at + "/" + name.replace("~", "~0").replace("/", "~1"),
          today,
          flagged,
          messages,
          problems);
    }
  }

  /** The calendar date of a {@code date} or {@code date-time} value (in Vietnam), if it is one. */
  static Optional<LocalDate> date(String text, boolean dateTime) {
    if (!dateTime && isIsoDateShape(text)) {
      try {
        return Optional.of(
            LocalDate.of(
                Integer.parseInt(text, 0, 4, 10),
                Integer.parseInt(text, 5, 7, 10),
                Integer.parseInt(text, 8, 10, 10)));
      } catch (DateTimeException e) {
        return Optional.empty(); // e.g. 2025-02-30: JSON Schema reports it
      }
    }
    try {
      return Optional.of(
          dateTime
              ? OffsetDateTime.parse(text).atZoneSameInstant(ZONE).toLocalDate()
              : LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // JSON Schema reports a malformed date
    }
  }

  /** Whether the text is {@code dddd-dd-dd} (ASCII digits), the shape of an ISO-8601 date. */
  private static boolean isIsoDateShape(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      char c = text.charAt(i);
      if (i != 4 && i != 7 && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private void checkLink(
      JsonNode submission,
      PersonalIdLink link,
      Set<String> flagged,
      ProblemMessages messages,
      List<Problem> problems) {
    Optional<String> id = valid(submission, link.pointer(), flagged);
    if (id.isEmpty() || !VnFormats.isPersonalId(id.get())) {
      return;
    }
    int century = id.get().charAt(3) - '0';
    int yearDigits = Integer.parseInt(id.get().substring(4, 6));
    link.dateOfBirth()
        .flatMap(p -> valid(submission, p, flagged))
        .flatMap(text -> date(text, false))
        .filter(birth -> !agrees(century, yearDigits, birth.getYear()))
        .ifPresent(
            birth ->
                problems.add(
                    messages.own(
                        form,
                        link.pointer(),
                        BIRTH_YEAR,
                        BIRTH_YEAR,
                        ProblemMessages.fieldLabel(form, link.dateOfBirth().orElseThrow()),
                        "")));
    link.sex()
        .flatMap(p -> valid(submission, p, flagged))
        .filter(sex -> sex.equals("male") || sex.equals("female"))
        .filter(sex -> sex.equals("female") != (century % 2 == 1))
        .ifPresent(
            sex ->
                problems.add(
                    messages.own(
                        form,
                        link.pointer(),
                        SEX,
                        SEX,
                        ProblemMessages.fieldLabel(form, link.sex().orElseThrow()),
                        "")));
  }

  /**
   * Whether the century-and-sex digit and the two year digits of an ID agree with a year of birth:
   * 1900s 0/1, 2000s 2/3, 2100s 4/5, 2200s 6/7, 2300s 8/9.
   */
  static boolean agrees(int centuryDigit, int yearDigits, int year) {
    return year >= 1900
        && year < 2400
        && centuryDigit / 2 == year / 100 - 19
        && yearDigits == year % 100;
  }

  /** The text at a pointer if it is present and JSON Schema did not flag it. */
  private Optional<String> valid(JsonNode submission, String pointer, Set<String> flagged) {
    if (flagged.contains(pointer)) {
      return Optional.empty();
    }
    JsonPointer compiled = pointers.get(pointer);
    if (compiled == null) {
      return Optional.empty();
    }
    JsonNode value = submission.at(compiled);
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }
}
