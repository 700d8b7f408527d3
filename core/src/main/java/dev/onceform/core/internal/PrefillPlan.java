package dev.onceform.core.internal;

import dev.onceform.core.prefill.ManualField;
import dev.onceform.core.spi.RegistryAdapter;
import dev.onceform.schema.CodeListProvider;
import dev.onceform.schema.CodeLists;
import dev.onceform.schema.FieldDefinition;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.PrefillBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What prefill asks of which registry for one form version, computed once: for each subject (the
 * applicant, or the pointer of a person's ID field) and each source, the bound fields; plus the
 * fields no registered adapter can fill. Immutable.
 *
 * @param calls subject key to source to the fields bound to that source for that subject
 * @param unserved fields that no adapter can fill, with the reason
 * @param checks JSON Pointer of each field in {@code calls} to the check its values pass
 */
record PrefillPlan(
    Map<String, Map<String, List<FieldDefinition>>> calls,
    List<ManualField> unserved,
    Map<String, FieldCheck> checks) {

  static PrefillPlan of(FormDefinition form, Map<String, RegistryAdapter> adapters) {
    Map<String, Map<String, List<FieldDefinition>>> calls = new LinkedHashMap<>();
    List<ManualField> unserved = new ArrayList<>();
    Map<String, FieldCheck> checks = new LinkedHashMap<>();
    CodeListProvider lists = CodeLists.installed();
    for (FieldDefinition field : form.fields()) {
      if (field.prefill().isEmpty()) {
        continue;
      }
      PrefillBinding binding = field.prefill().get();
      RegistryAdapter adapter = adapters.get(binding.source());
      if (adapter == null) {
        unserved.add(
            new ManualField(
                field.pointer(),
                ManualField.Reason.NO_ADAPTER,
                "no adapter is registered for source '" + binding.source() + "'"));
      } else if (!adapter.attributes().contains(binding.attribute())) {
        unserved.add(
            new ManualField(
                field.pointer(),
                ManualField.Reason.NO_ADAPTER,
                "adapter '" + adapter.id() + "' does not offer '" + binding.attribute() + "'"));
      } else {
        checks.put(field.pointer(), FieldCheck.of(field, form.schema(), lists));
        calls
            .computeIfAbsent(binding.subject(), s -> new LinkedHashMap<>())
            .computeIfAbsent(binding.source(), s -> new ArrayList<>())
            .add(field);
      }
    }
    Map<String, Map<String, List<FieldDefinition>>> frozen = new LinkedHashMap<>();
    calls.forEach((subject, bySource) -> frozen.put(subject, freeze(bySource)));
    return new PrefillPlan(
        java.util.Collections.unmodifiableMap(frozen), List.copyOf(unserved), Map.copyOf(checks));
  }

  /** Returns the check of a field the plan calls a registry for. */
  FieldCheck check(FieldDefinition field) {
    FieldCheck check = checks.get(field.pointer());
    if (check == null) {
      throw new IllegalStateException("no check planned for " + field.pointer());
    }
    return check;
  }

  private static Map<String, List<FieldDefinition>> freeze(Map<String, List<FieldDefinition>> map) {
    Map<String, List<FieldDefinition>> copy = new LinkedHashMap<>();
    map.forEach((source, fields) -> copy.put(source, List.copyOf(fields)));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
