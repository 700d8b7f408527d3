package dev.onceform.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.AdminUnitConversion.Kind;
import dev.onceform.schema.AdminUnitConversion.Status;
import dev.onceform.schema.AdminUnitConversion.Successor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the bundled GSO conversion table (old commune code to new communes) into one {@link
 * AdminUnitConversion} per old commune. Successors are resolved against the current list, so they
 * carry today's names and types.
 */
final class AdminUnitConversionTable {
  static final String FILE = "admin-units-2025-mapping.json";

  private AdminUnitConversionTable() {}

  static Map<String, AdminUnitConversion> read(AdministrativeUnits units) {
    JsonNode root = CodeLists.readBundled(FILE);
    Map<String, AdminUnit> current = units.communesByCode();
    Map<String, AdminUnitConversion> table = new HashMap<>();
    for (JsonNode row : root.path("communes")) {
      String oldCode = row.path("code").asText();
      List<Successor> successors = new ArrayList<>();
      for (JsonNode target : row.path("new")) {
        String newCode = target.path("code").asText();
        AdminUnit unit = current.get(newCode);
        if (unit == null) {
          throw CodeLists.damaged(
              FILE,
              "old commune " + oldCode + " maps to " + newCode + ", not a current code",
              null);
        }
        successors.add(new Successor(unit, kind(target.path("kind").asText(), oldCode)));
      }
      table.put(oldCode, conversion(oldCode, row, successors));
    }
    if (table.isEmpty()) {
      throw CodeLists.damaged(FILE, "it lists no communes", null);
    }
    return Map.copyOf(table);
  }

  private static AdminUnitConversion conversion(
      String oldCode, JsonNode row, List<Successor> successors) {
    boolean populationTarget = row.has("populationTarget");
    Status status = successors.size() == 1 || populationTarget ? Status.EXACT : Status.AMBIGUOUS;
    try {
      AdminUnitConversion conversion =
          new AdminUnitConversion(
              oldCode, Optional.of(row.path("name").asText()), status, successors);
      Optional<String> target = conversion.target().map(AdminUnit::code);
      if (populationTarget && !target.equals(Optional.of(row.path("populationTarget").asText()))) {
        throw new IllegalArgumentException(
            "populationTarget is not the one all-residents successor");
      }
      return conversion;
    } catch (IllegalArgumentException e) {
      throw CodeLists.damaged(FILE, "old commune " + oldCode + ": " + e.getMessage(), e);
    }
  }

  private static Kind kind(String id, String oldCode) {
    try {
      return Kind.ofId(id);
    } catch (IllegalArgumentException e) {
      throw CodeLists.damaged(FILE, "old commune " + oldCode + ": " + e.getMessage(), e);
    }
  }
}
