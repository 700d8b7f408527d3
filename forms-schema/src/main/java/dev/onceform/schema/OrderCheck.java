package dev.onceform.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** {@code order.duplicate} (a warning): sibling properties have different {@code x-order}s. */
final class OrderCheck implements FormCheck {
  static final String DUPLICATE = "order.duplicate";

  @Override
  public void check(LintedFile form) {
    for (SchemaTree.Node node : form.tree().nodes()) {
      Map<Integer, String> seen = new HashMap<>();
      for (Map.Entry<String, JsonNode> property : node.schema().path("properties").properties()) {
        JsonNode order = property.getValue().path("x-order");
        if (!order.canConvertToInt() || !order.isIntegralNumber()) {
          continue;
        }
        String first = seen.putIfAbsent(order.intValue(), property.getKey());
        if (first != null) {
          form.warningAtValue(
              DUPLICATE,
              node.pointer() + "/properties" + Pointers.member(property.getKey()) + "/x-order",
              "x-order "
                  + order.intValue()
                  + " of '"
                  + property.getKey()
                  + "' is already used by its sibling '"
                  + first
                  + "'",
              "give each sibling its own x-order, so renderers agree on the order");
        }
      }
    }
  }
}
