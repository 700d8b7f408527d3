package dev.onceform.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.validation.Problem;
import dev.onceform.schema.AdminUnit;
import dev.onceform.schema.AdminUnitConversion;
import dev.onceform.schema.AdministrativeUnits;
import dev.onceform.schema.FormDefinition;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code admin-unit.retired}: a {@code vn-admin-unit} value that is not a current unit but was one
 * on 30 June 2025. The message names the successor (code and name), or for a commune that was
 * split, the candidates. The successors are reference data, not the citizen's: they may appear in
 * the message; the submitted code does not.
 */
final class RetiredUnits {
  static final String CODE = "admin-unit.retired";
  static final String SPLIT = "admin-unit.retired-split";
  private static final String FORMAT_CODE = "format.vn-admin-unit";
  private static final Pattern TWO_DIGITS = Pattern.compile("[0-9]{2}");
  private static final Pattern FIVE_DIGITS = Pattern.compile("[0-9]{5}");

  private RetiredUnits() {}

  /**
   * Replaces a {@code format.vn-admin-unit} problem with {@code admin-unit.retired} when the value
   * is a pre-2025 code; returns any other problem unchanged.
   */
  static Problem refine(
      ProblemMessages messages, FormDefinition form, JsonNode value, Problem problem) {
    if (!problem.code().equals(FORMAT_CODE) || !value.isTextual()) {
      return problem;
    }
    List<AdminUnit> successors = successors(value.asText());
    if (successors.isEmpty()) {
      return problem;
    }
    if (successors.size() == 1) {
      AdminUnit unit = successors.get(0);
      return messages.own(form, problem.pointer(), CODE, CODE, unit.code(), unit.name());
    }
    String candidates =
        successors.stream().map(u -> u.code() + " " + u.name()).collect(Collectors.joining(", "));
    return messages.own(form, problem.pointer(), CODE, SPLIT, candidates, "");
  }

  /**
   * The current units a pre-2025 code became: one for a province or an exactly converted commune,
   * several for a split commune, none for a code that is current or was never a unit.
   */
  static List<AdminUnit> successors(String code) {
    AdministrativeUnits units = AdministrativeUnits.builtIn();
    if (TWO_DIGITS.matcher(code).matches() && units.province(code).isEmpty()) {
      return units.currentProvince(code).map(List::of).orElse(List.of());
    }
    if (!FIVE_DIGITS.matcher(code).matches() || units.commune(code).isPresent()) {
      return List.of();
    }
    AdminUnitConversion conversion = units.current(code);
    Optional<AdminUnit> target = conversion.target();
    return switch (conversion.status()) {
      case EXACT -> target.map(List::of).orElse(List.of());
      case AMBIGUOUS -> conversion.successors().stream().map(s -> s.unit()).distinct().toList();
      case UNKNOWN -> List.of();
    };
  }
}
