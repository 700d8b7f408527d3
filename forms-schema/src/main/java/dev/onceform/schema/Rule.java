package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * A JSON Logic expression from an {@code x-visible-if}, {@code x-compute} or {@code x-rules}
 * keyword. Field references are written {@code {"var": "mother.personalId"}} (dots between property
 * names) and mean the submission value at {@code /mother/personalId}.
 *
 * <p>Immutable: {@link #expression()} returns a copy.
 */
public final class Rule {
  private final String keyword;
  private final JsonNode expression;
  private final Set<String> references;

  Rule(String keyword, JsonNode expression, Set<String> references) {
    this.keyword = requireNonNull(keyword, "keyword");
    this.expression = expression.deepCopy();
    this.references = Set.copyOf(references);
  }

  /**
   * Returns the keyword the rule came from: {@code x-visible-if}, {@code x-compute} or {@code
   * x-rules}.
   */
  public String keyword() {
    return keyword;
  }

  /** Returns a copy of the JSON Logic expression. */
  public JsonNode expression() {
    return expression.deepCopy();
  }

  /** Returns the JSON Pointers of the submission values the expression reads. */
  public Set<String> references() {
    return references;
  }

  /** Returns the expression as compact JSON. */
  @Override
  public String toString() {
    return expression.toString();
  }
}
