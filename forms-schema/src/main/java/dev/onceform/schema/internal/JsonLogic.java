package dev.onceform.schema.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A structural check of JSON Logic expressions (jsonlogic.com): every operation is an object with
 * exactly one key, a known operator with a fitting number of arguments. It also lists the data
 * paths the expression reads ({@code var}, {@code missing}, {@code missing_some}).
 *
 * <p>The operators are the standard set of json-logic-js except {@code method} (which calls
 * arbitrary methods and is never allowed in a form). Paths read inside the second argument of
 * {@code map}, {@code filter}, {@code reduce}, {@code all}, {@code none} and {@code some} are
 * relative to an array element and are not listed.
 *
 * <p>Not API; may change without notice.
 */
public final class JsonLogic {
  private static final int ANY = Integer.MAX_VALUE;

  /** Operator to {minimum, maximum} number of arguments. */
  private static final Map<String, int[]> ARITY =
      Map.ofEntries(
          Map.entry("var", new int[] {0, 2}),
          Map.entry("missing", new int[] {0, ANY}),
          Map.entry("missing_some", new int[] {2, 2}),
          Map.entry("if", new int[] {1, ANY}),
          Map.entry("?:", new int[] {3, 3}),
          Map.entry("==", new int[] {2, 2}),
          Map.entry("===", new int[] {2, 2}),
          Map.entry("!=", new int[] {2, 2}),
          Map.entry("!==", new int[] {2, 2}),
          Map.entry("!", new int[] {1, 1}),
          Map.entry("!!", new int[] {1, 1}),
          Map.entry("or", new int[] {1, ANY}),
          Map.entry("and", new int[] {1, ANY}),
          Map.entry(">", new int[] {2, 2}),
          Map.entry(">=", new int[] {2, 2}),
          Map.entry("<", new int[] {2, 3}),
          Map.entry("<=", new int[] {2, 3}),
          Map.entry("max", new int[] {1, ANY}),
          Map.entry("min", new int[] {1, ANY}),
          Map.entry("+", new int[] {0, ANY}),
          Map.entry("-", new int[] {1, 2}),
          Map.entry("*", new int[] {1, ANY}),
          Map.entry("/", new int[] {2, 2}),
          Map.entry("%", new int[] {2, 2}),
          Map.entry("map", new int[] {2, 2}),
          Map.entry("filter", new int[] {2, 2}),
          Map.entry("reduce", new int[] {2, 3}),
          Map.entry("all", new int[] {2, 2}),
          Map.entry("none", new int[] {2, 2}),
          Map.entry("some", new int[] {2, 2}),
          Map.entry("merge", new int[] {0, ANY}),
          Map.entry("in", new int[] {2, 2}),
          Map.entry("cat", new int[] {0, ANY}),
          Map.entry("substr", new int[] {2, 3}),
          Map.entry("log", new int[] {1, 1}));

  private static final Set<String> ITERATING =
      Set.of("map", "filter", "reduce", "all", "none", "some");

  private JsonLogic() {}

  /**
   * Something wrong in an expression.
   *
   * @param pointer where, relative to the expression (a JSON Pointer, {@code ""} for the whole)
   * @param message what is wrong, in English
   */
  public record Problem(String pointer, String message) {}

  /**
   * A data path the expression reads.
   *
   * @param pointer where the path is written, relative to the expression
   * @param path the path as written, dotted: {@code mother.personalId}
   */
  public record Variable(String pointer, String path) {}

  /**
   * The result of a check.
   *
   * @param problems what is wrong, in document order; empty if the expression is well-formed
   * @param variables the data paths it reads, in document order
   */
  public record Analysis(List<Problem> problems, List<Variable> variables) {
    /** Copies the lists. */
    public Analysis {
      problems = List.copyOf(problems);
      variables = List.copyOf(variables);
    }
  }

  /** Returns the known operators, sorted. */
  public static Set<String> operators() {
    return new TreeSet<>(ARITY.keySet());
  }

  /** Checks an expression. */
  public static Analysis analyse(JsonNode expression) {
    List<Problem> problems = new ArrayList<>();
    List<Variable> variables = new ArrayList<>();
    walk(expression, "", true, problems, variables);
    return new Analysis(problems, variables);
  }

  private static void walk(
      JsonNode node,
      String pointer,
      boolean rootScope,
      List<Problem> problems,
      List<Variable> variables) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, rootScope, problems, variables);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (node.size() != 1) {
      problems.add(
          new Problem(
              pointer,
              String.format(
                  Locale.ROOT,
                  "a JSON Logic operation is an object with exactly one key (the operator), but"
                      + " this one has %d",
                  node.size())));
      return;
    }
    String operator = node.fieldNames().next();
    String at = pointer + JsonPointer.empty().appendProperty(operator);
    int[] arity = ARITY.get(operator);
    if (arity == null) {
      problems.add(new Problem(at, "unknown JSON Logic operator '" + operator + "'"));
      return;
    }
    JsonNode operand = node.get(operator);
    List<JsonNode> args = new ArrayList<>();
    if (operand.isArray()) {
      operand.forEach(args::add);
    } else {
      args.add(operand);
    }
    if (args.size() < arity[0] || args.size() > arity[1]) {
      problems.add(
          new Problem(at, operator + " takes " + expected(arity) + ", not " + args.size()));
    }
    for (int i = 0; i < args.size(); i++) {
      String p = operand.isArray() ? at + "/" + i : at;
      boolean scope = rootScope && !(ITERATING.contains(operator) && i >= 1);
      visitArgument(operator, i, args.get(i), p, scope, problems, variables);
    }
  }

  private static void visitArgument(
      String operator,
      int index,
      JsonNode arg,
      String pointer,
      boolean rootScope,
      List<Problem> problems,
      List<Variable> variables) {
    boolean path =
        (operator.equals("var") && index == 0)
            || operator.equals("missing")
            || (operator.equals("missing_some") && index == 1);
    if (!path) {
      walk(arg, pointer, rootScope, problems, variables);
      return;
    }
    if (arg.isArray() && operator.equals("missing_some")) {
      for (int i = 0; i < arg.size(); i++) {
        visitArgument("missing", i, arg.get(i), pointer + "/" + i, rootScope, problems, variables);
      }
    } else if (arg.isTextual() || arg.isIntegralNumber()) {
      if (rootScope) {
        variables.add(new Variable(pointer, arg.asText()));
      }
    } else if (arg.isObject()) {
      walk(arg, pointer, rootScope, problems, variables);
    } else if (!arg.isNull()) {
      problems.add(
          new Problem(pointer, operator + " takes a data path such as \"mother.personalId\""));
    }
  }

  private static String expected(int[] arity) {
    if (arity[0] == arity[1]) {
      return arity[0] + (arity[0] == 1 ? " argument" : " arguments");
    }
    if (arity[1] == ANY) {
      return "at least " + arity[0] + (arity[0] == 1 ? " argument" : " arguments");
    }
    return arity[0] + " to " + arity[1] + " arguments";
  }
}
