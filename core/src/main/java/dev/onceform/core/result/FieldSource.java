package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/** Where the value of a {@link ResultTemplate.ResultField} comes from. */
public sealed interface FieldSource {

  /**
   * A value of the submission.
   *
   * @param pointer its JSON Pointer, e.g. {@code /child/fullName}
   */
  record Submission(String pointer) implements FieldSource {
    /** Checks the pointer. */
    public Submission {
      requireNonNull(pointer, "pointer");
    }
  }

  /**
   * A value computed from the submission with JSON Logic, as {@code x-compute} in forms; {@code
   * var} paths are dotted from the submission root ({@code owner.fullName}).
   *
   * @param logic the expression (a copy is kept)
   */
  record Computed(JsonNode logic) implements FieldSource {
    /** Copies the expression. */
    public Computed {
      logic = requireNonNull(logic, "logic").deepCopy();
    }

    /** Returns a copy of the expression. */
    @Override
    public JsonNode logic() {
      return logic.deepCopy();
    }
  }

  /**
   * A value the officer supplies when the result is issued, such as the decision number.
   *
   * @param name the input's name, e.g. {@code registrationNumber}
   */
  record Officer(String name) implements FieldSource {
    /** Checks the name. */
    public Officer {
      requireNonNull(name, "name");
    }
  }
}
