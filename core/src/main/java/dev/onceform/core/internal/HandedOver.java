package dev.onceform.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.validation.Problem;
import dev.onceform.core.validation.ValidationReport;
import java.util.AbstractList;
import java.util.List;

/**
 * The problems of a {@link ValidationReport} whose submission tree the engine built itself (parsed
 * from bytes, copied by the submission check, or copied while dropping hidden fields) and hands
 * over: the report's constructor recognises this list and keeps the tree instead of making its
 * defensive copy. A record's constructors all pass through the canonical one, so the hand-over
 * travels with an argument. Use only for trees nothing else holds or changes afterwards.
 */
public final class HandedOver extends AbstractList<Problem> {
  private final List<Problem> problems;

  private HandedOver(List<Problem> problems) {
    this.problems = List.copyOf(problems);
  }

  /** A report that keeps {@code tree}, which the caller gives up. */
  public static ValidationReport report(String formId, List<Problem> problems, JsonNode tree) {
    return new ValidationReport(formId, new HandedOver(problems), tree);
  }

  /** The problems, unmodifiable. */
  public List<Problem> problems() {
    return problems;
  }

  @Override
  public Problem get(int index) {
    return problems.get(index);
  }

  @Override
  public int size() {
    return problems.size();
  }
}
