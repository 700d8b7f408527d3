package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Layout hints for renderers, from {@code x-order}, {@code x-section} and {@code x-widget}.
 *
 * @param order the position among its siblings ({@code x-order}), if given
 * @param section the id of the visual section it belongs to ({@code x-section}), if given
 * @param widget the input widget to use ({@code x-widget}), e.g. {@code textarea}, if given
 */
public record Layout(OptionalInt order, Optional<String> section, Optional<String> widget) {

  /** No hints. */
  public static final Layout NONE =
      new Layout(OptionalInt.empty(), Optional.empty(), Optional.empty());

  /** Checks the parts. */
  public Layout {
    requireNonNull(order, "order");
    requireNonNull(section, "section");
    requireNonNull(widget, "widget");
  }
}
