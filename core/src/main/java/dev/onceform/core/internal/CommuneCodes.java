package dev.onceform.core.internal;

import dev.onceform.schema.AdminUnit;
import dev.onceform.schema.AdminUnitConversion;
import dev.onceform.schema.AdministrativeUnits;
import java.util.List;
import java.util.Optional;

/**
 * Brings administrative-unit codes from registries that predate the reform of 1 July 2025 up to
 * date, with {@link AdministrativeUnits#builtIn()}.
 *
 * <p>A five-digit code does not say whether it is old or new, and 3,316 current commune codes were
 * also codes of 30 June 2025. A code that is a <em>current</em> commune is therefore always taken
 * as current and never converted; only a code that is not a current commune is looked up in the
 * conversion table. Likewise a two-digit province code that is a current province is kept.
 */
final class CommuneCodes {
  private CommuneCodes() {}

  /** What became of a code. */
  sealed interface Outcome {}

  /** The code is current, or was converted exactly to {@code code}. */
  record Current(String code, Optional<String> convertedFrom) implements Outcome {}

  /** The old commune was split: the street or village decides among {@code candidates}. */
  record Ambiguous(List<String> candidates) implements Outcome {}

  /** Neither current nor in the conversion table. */
  record Unknown() implements Outcome {}

  /** Checks a five-digit commune code. */
  static Outcome commune(String code) {
    AdministrativeUnits units = AdministrativeUnits.builtIn();
    if (units.commune(code).isPresent()) {
      return new Current(code, Optional.empty());
    }
    AdminUnitConversion conversion = units.current(code);
    return switch (conversion.status()) {
      case EXACT -> new Current(conversion.target().orElseThrow().code(), Optional.of(code));
      case AMBIGUOUS ->
          new Ambiguous(conversion.successors().stream().map(s -> s.unit().code()).toList());
      case UNKNOWN -> new Unknown();
    };
  }

  /** Checks a two-digit province code; provinces merged whole, so a known old code converts. */
  static Outcome province(String code) {
    AdministrativeUnits units = AdministrativeUnits.builtIn();
    if (units.province(code).isPresent()) {
      return new Current(code, Optional.empty());
    }
    return units
        .currentProvince(code)
        .map(AdminUnit::code)
        .<Outcome>map(current -> new Current(current, Optional.of(code)))
        .orElseGet(Unknown::new);
  }
}
