package dev.onceform.core.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.validation.Problem;
import dev.onceform.schema.CrossFieldRule;
import dev.onceform.schema.FieldDefinition;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.HiddenFields;
import dev.onceform.schema.OnceFormException;
import dev.onceform.schema.Rule;
import dev.onceform.schema.internal.JsonLogic;
import dev.onceform.schema.internal.JsonLogicEvaluator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Evaluates a form's JSON Logic rules on a submission, with the semantics of json-logic-js (see
 * {@link JsonLogicEvaluator}); paths are dotted from the submission root.
 *
 * <ul>
 *   <li>{@code x-visible-if}, in document order: a false rule hides its field, or its object and
 *       everything in it. A later rule reads the submission without the values already hidden. With
 *       {@code hiddenFields: reject} a present hidden value is {@code rule.x-visible-if} at the
 *       field; with {@code drop} it is removed from the submission as checked. Either way, the
 *       schema's problems at or below a hidden field (including {@code required}) are not reported:
 *       the citizen cannot see the field, so one message (or none) is enough.
 *   <li>{@code x-compute}: a present value must equal the rule's result ({@code rule.x-compute});
 *       strings are compared after NFC normalisation, numbers numerically. Not checked while the
 *       result is {@code null} or not a finite number (its inputs are missing), while the field is
 *       hidden, or when the schema already reported a problem at the field.
 *   <li>{@code x-rules}: a rule that is not truthy gives {@code rule.<id>} at its pointer with its
 *       own message; not evaluated while its object or its pointer is hidden, nor when the schema
 *       already reported a problem at its pointer.
 * </ul>
 *
 * <p>Rules are read only along {@code properties} from the root; rules inside array items are not
 * evaluated (the linter rejects them). Immutable and thread-safe.
 */
final class RuleChecker {
  static final String VISIBLE_IF = "rule.x-visible-if";
  static final String COMPUTE = "rule.x-compute";

  private final FormDefinition form;
  private final ProblemMessages messages;
  private final List<Compiled> visibility = new ArrayList<>();
  private final List<Compiled> computed = new ArrayList<>();
  private final List<Compiled> crossField = new ArrayList<>();

  /** A rule with its expression copied once, and what it is about. */
  private record Compiled(String pointer, JsonPointer path, JsonNode expression, String keyword) {
    Compiled(String pointer, Rule rule) {
      this(pointer, JsonPointer.compile(pointer), rule.expression(), rule.keyword());
    }
  }

  /**
   * @throws OnceFormException {@code OF-VALID-103} if a rule is not well-formed JSON Logic
   */
  RuleChecker(FormDefinition form, ProblemMessages messages) {
    this.form = form;
    this.messages = messages;
    form.visibilityRules().forEach((pointer, rule) -> visibility.add(check(form, pointer, rule)));
    for (FieldDefinition field : form.fields()) {
      field.compute().ifPresent(rule -> computed.add(check(form, field.pointer(), rule)));
    }
    form.crossFieldRules().forEach(r -> crossField.add(check(form, r.pointer(), r.rule())));
  }

  private static Compiled check(FormDefinition form, String pointer, Rule rule) {
    List<JsonLogic.Problem> problems = JsonLogic.analyse(rule.expression()).problems();
    if (!problems.isEmpty()) {
      throw new OnceFormException(
          "OF-VALID-103",
          String.format(
              Locale.ROOT,
              "form %s (%s): the %s rule for %s is not valid JSON Logic: %s at %s; run"
                  + " 'onceform lint' on it",
              form,
              form.source(),
              rule.keyword(),
              pointer,
              problems.get(0).message(),
              problems.get(0).pointer().isEmpty() ? "the top" : problems.get(0).pointer()));
    }
    return new Compiled(pointer, rule);
  }

  /**
   * The fields hidden in a submission.
   *
   * @param hidden the JSON Pointers of the hidden fields and objects (descendants not listed)
   * @param present those of them that have a value in the submission
   * @param visible the submission without the values of hidden fields (the submission itself if
   *     none had a value)
   */
  record Visibility(Set<String> hidden, List<String> present, JsonNode visible) {
    /** Whether a pointer is a hidden field or inside one. */
    boolean hides(String pointer) {
      return RuleChecker.hides(hidden, pointer);
    }
  }

  private static boolean hides(Set<String> hidden, String pointer) {
    for (String h : hidden) {
      if (pointer.equals(h) || pointer.startsWith(h + "/")) {
        return true;
      }
    }
    return false;
  }

  Visibility visibility(JsonNode submission) {
    Set<String> hidden = new LinkedHashSet<>();
    List<String> present = new ArrayList<>();
    JsonNode visible = submission;
    for (Compiled rule : visibility) {
      if (hides(hidden, rule.pointer()) || JsonLogicEvaluator.truthy(evaluate(rule, visible))) {
        continue;
      }
      hidden.add(rule.pointer());
      JsonPointer last = rule.path().last();
      if (!visible.at(rule.path()).isMissingNode() && last != null) {
        if (present.isEmpty()) {
          visible = submission.deepCopy(); // copied once, at the first value to hide
        }
        present.add(rule.pointer());
        if (visible.at(rule.path().head()) instanceof ObjectNode parent) {
          parent.remove(last.getMatchingProperty());
        }
      }
    }
    return new Visibility(Set.copyOf(hidden), List.copyOf(present), visible);
  }

  /** The submission as checked: without hidden values if the form drops them. */
  JsonNode checked(JsonNode submission, Visibility visibility) {
    return form.hiddenFields() == HiddenFields.DROP ? visibility.visible() : submission;
  }

  /**
   * Whether {@link #checked} returns a copy made here (without hidden values), which nothing else
   * holds.
   */
  boolean checkedIsCopy(Visibility visibility) {
    return form.hiddenFields() == HiddenFields.DROP && !visibility.present().isEmpty();
  }

  /** Adds the rule problems; {@code flagged} holds the pointers the schema already reported. */
  void check(JsonNode checked, Visibility visibility, Set<String> flagged, List<Problem> problems) {
    if (form.hiddenFields() == HiddenFields.REJECT) {
      for (String pointer : visibility.present()) {
        problems.add(messages.rule(form, pointer, VISIBLE_IF, type(checked.at(pointer))));
      }
    }
    for (Compiled rule : computed) {
      String pointer = rule.pointer();
      JsonNode value = checked.at(rule.path());
      if (value.isMissingNode() || visibility.hides(pointer) || flagged.contains(pointer)) {
        continue;
      }
      if (!matches(evaluate(rule, checked), value)) {
        problems.add(messages.rule(form, pointer, COMPUTE, type(value)));
      }
    }
    List<CrossFieldRule> rules = form.crossFieldRules();
    for (int i = 0; i < rules.size(); i++) {
      CrossFieldRule rule = rules.get(i);
      String pointer = rule.pointer();
      if (visibility.hides(rule.scope())
          || visibility.hides(pointer)
          || flagged.contains(pointer)
          || JsonLogicEvaluator.truthy(evaluate(crossField.get(i), checked))) {
        continue;
      }
      problems.add(
          new Problem(
              pointer, rule.code(), type(checked.at(crossField.get(i).path())), rule.message()));
    }
  }

  /** Whether a submitted value equals a computed one; an incomputable result matches anything. */
  private static boolean matches(JsonNode result, JsonNode value) {
    if (result.isNull() || result.isMissingNode()) {
      return true;
    }
    if (result.isNumber()) {
      double expected = result.doubleValue();
      return !Double.isFinite(expected) || (value.isNumber() && value.doubleValue() == expected);
    }
    if (result.isTextual()) {
      return value.isTextual()
          && Normalizer.normalize(value.textValue(), Normalizer.Form.NFC)
              .equals(Normalizer.normalize(result.textValue(), Normalizer.Form.NFC));
    }
    return result.equals(value);
  }

  private JsonNode evaluate(Compiled rule, JsonNode data) {
    try {
      return JsonLogicEvaluator.apply(rule.expression(), data);
    } catch (JsonLogicEvaluator.EvaluationException e) {
      throw new OnceFormException(
          "OF-VALID-103",
          "form "
              + form
              + ": the "
              + rule.keyword()
              + " rule for "
              + rule.pointer()
              + " cannot be evaluated: "
              + e.getMessage()
              + "; run 'onceform lint' on it",
          e);
    }
  }

  private static String type(JsonNode value) {
    return value.isMissingNode() ? "missing" : value.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
