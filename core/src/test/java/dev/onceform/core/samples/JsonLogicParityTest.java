package dev.onceform.core.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.samples.SampleSubmissions.Sample;
import dev.onceform.core.testing.ExternalTool;
import dev.onceform.schema.internal.JsonLogicEvaluator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OnceForm's JSON Logic evaluator and json-logic-js (the browser's library, pinned in {@code
 * interop/ajv/package.json}) give the same result on a corpus: every {@code x-visible-if}, {@code
 * x-compute} and {@code x-rules} rule of the bundled forms on every sample submission of that form,
 * plus the hand-written tricky cases in {@code json-logic-corpus.json} (truthiness, {@code ==}
 * coercion, string comparison of dates, {@code var} defaults, {@code missing}, {@code cat} with
 * numbers, arithmetic on strings). The script is {@code interop/ajv/jsonlogic.mjs}. Skipped when
 * Node or the install is missing, unless {@code ONCEFORM_REQUIRE_TOOLS=1}.
 */
class JsonLogicParityTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void evaluator_agreesWithJsonLogicJs_onFormRulesAndTrickyCases(@TempDir Path dir)
      throws IOException, InterruptedException {
    ExternalTool.require("node", "nodejs");
    requireJsonLogicInstalled();
    ArrayNode cases = MAPPER.createArrayNode();
    int fromForms = addFormCases(cases);
    try (InputStream corpus = getClass().getResourceAsStream("json-logic-corpus.json")) {
      MAPPER.readTree(corpus).forEach(cases::add);
    }
    Path file = dir.resolve("cases.json");
    MAPPER.writeValue(file.toFile(), cases);

    ExternalTool.Result run =
        ExternalTool.run(
            "node",
            SampleSubmissions.projectRoot().resolve("interop/ajv/jsonlogic.mjs").toString(),
            file.toString());

    assertThat(run.exitCode()).as(run.output()).isZero();
    JsonNode expected = SampleSubmissions.parse(run.output());
    assertThat(expected.size()).isEqualTo(cases.size());
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      JsonNode java = encode(evaluate(c.get("rule"), c.get("data")));
      JsonNode js = normalise(expected.get(i));
      if (!java.equals(js)) {
        differences.add(c.get("rule") + " on " + c.get("data") + ": Java " + java + ", JS " + js);
      }
    }
    assertThat(fromForms).as("rules x samples from the bundled forms").isGreaterThan(100);
    assertThat(differences).as("cases where the evaluators differ").isEmpty();
  }

  /** Adds every rule of each sample's form applied to that sample; returns how many. */
  private static int addFormCases(ArrayNode cases) {
    int count = 0;
    for (Sample sample : SampleSubmissions.all()) {
      Path form =
          SampleSubmissions.formsDir().resolve(sample.formId() + "-" + sample.version() + ".json");
      List<JsonNode> rules = new ArrayList<>();
      collectRules(SampleSubmissions.read(form), rules);
      JsonNode data = SampleSubmissions.read(sample.file());
      for (JsonNode rule : rules) {
        ObjectNode c = cases.addObject();
        c.set("rule", rule);
        c.set("data", data);
        count++;
      }
    }
    return count;
  }

  private static void collectRules(JsonNode schema, List<JsonNode> rules) {
    if (schema.isObject()) {
      for (Map.Entry<String, JsonNode> member : schema.properties()) {
        switch (member.getKey()) {
          case "x-visible-if", "x-compute" -> rules.add(member.getValue());
          case "x-rules" -> member.getValue().forEach(r -> rules.add(r.path("rule")));
          default -> collectRules(member.getValue(), rules);
        }
      }
    } else if (schema.isArray()) {
      schema.forEach(element -> collectRules(element, rules));
    }
  }

  private static JsonNode evaluate(JsonNode rule, JsonNode data) {
    try {
      return JsonLogicEvaluator.apply(rule, data);
    } catch (JsonLogicEvaluator.EvaluationException e) {
      return MAPPER.createObjectNode().put("$error", true);
    }
  }

  /** Like jsonlogic.mjs: non-finite numbers become markers; every number becomes a double. */
  private static JsonNode encode(JsonNode value) {
    if (value.isNumber() && !Double.isFinite(value.doubleValue())) {
      double d = value.doubleValue();
      String text = Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
      return MAPPER.createObjectNode().put("$number", text);
    }
    if (value.isMissingNode()) {
      return MAPPER.createObjectNode().put("$undefined", true);
    }
    return normalise(value);
  }

  private static JsonNode normalise(JsonNode value) {
    if (value.isNumber()) {
      return DoubleNode.valueOf(value.doubleValue() == 0 ? 0.0 : value.doubleValue());
    }
    if (value.isArray()) {
      ArrayNode out = MAPPER.createArrayNode();
      value.forEach(v -> out.add(encode(v)));
      return out;
    }
    if (value.isObject()) {
      ObjectNode out = MAPPER.createObjectNode();
      value.properties().forEach(e -> out.set(e.getKey(), encode(e.getValue())));
      return out;
    }
    return value;
  }

  private static void requireJsonLogicInstalled() {
    Path module = SampleSubmissions.projectRoot().resolve("interop/ajv/node_modules/json-logic-js");
    if (Files.isDirectory(module)) {
      return;
    }
    String hint = "json-logic-js is not installed; run: npm ci --prefix interop/ajv";
    if ("1".equals(System.getenv("ONCEFORM_REQUIRE_TOOLS"))) {
      fail(hint);
    }
    Assumptions.assumeTrue(false, hint);
  }
}
