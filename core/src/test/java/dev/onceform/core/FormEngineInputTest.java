package dev.onceform.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.onceform.core.validation.ValidationReport;
import dev.onceform.schema.OnceFormException;
import dev.onceform.schema.SampleForms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's input checks: limits on a caller's tree, NFC, byte entry point, unknown forms. */
class FormEngineInputTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final FormEngine ENGINE =
      FormEngine.builder()
          .form(SampleForms.get("birth-registration", "1.0.0").orElseThrow())
          .form(SampleForms.get("birth-registration", "0.1.0").orElseThrow())
          .build();

  private static byte[] sample(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path file =
          dir.resolve("forms-schema/src/test/resources/samples/birth-registration/1.0.0/" + name);
      if (Files.isRegularFile(file)) {
        try {
          return Files.readAllBytes(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new IllegalStateException("sample not found: " + name);
  }

  /** A copy with every string value decomposed to NFD. */
  private static JsonNode nfd(JsonNode node) {
    if (node.isTextual()) {
      return TextNode.valueOf(Normalizer.normalize(node.textValue(), Normalizer.Form.NFD));
    } else if (node.isObject()) {
      ObjectNode copy = NODES.objectNode();
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        copy.set(member.getKey(), nfd(member.getValue()));
      }
      return copy;
    } else if (node.isArray()) {
      ArrayNode copy = NODES.arrayNode();
      node.forEach(element -> copy.add(nfd(element)));
      return copy;
    }
    return node;
  }

  @Test
  void validate_vietnameseInNfd_isNormalisedToNfcAndValid() {
    JsonNode nfc = Submissions.parse(sample("valid-both-parents.json"), "valid-both-parents.json");
    JsonNode decomposed = nfd(nfc);
    assertThat(decomposed).isNotEqualTo(nfc);
    assertThat(decomposed.at("/applicant/fullName").textValue()).hasSizeGreaterThan(16);

    ValidationReport report = ENGINE.validate("birth-registration@1.0.0", decomposed);

    assertThat(report.problems()).isEmpty();
    assertThat(report.submission()).isEqualTo(nfc);
    assertThat(report.submission().at("/applicant/fullName").textValue())
        .isEqualTo("Nguyễn Thị Hường");
    assertThat(decomposed).isEqualTo(nfd(nfc)); // the caller's tree is not changed
  }

  @Test
  void validateBytes_vietnameseInNfd_isNormalisedToNfcAndValid() {
    String nfc = new String(sample("valid-both-parents.json"), StandardCharsets.UTF_8);
    byte[] decomposed =
        Normalizer.normalize(nfc, Normalizer.Form.NFD).getBytes(StandardCharsets.UTF_8);

    ValidationReport report = ENGINE.validate("birth-registration@1.0.0", decomposed);

    assertThat(report.problems()).isEmpty();
    assertThat(report.submission()).isEqualTo(Submissions.parse(nfc, "nfc"));
  }

  @Test
  void validate_unchangedNfcTree_isValid() {
    JsonNode nfc = Submissions.parse(sample("valid-both-parents.json"), "sample");

    assertThat(ENGINE.validate("birth-registration@1.0.0", nfc).valid()).isTrue();
  }

  @Test
  void validate_unknownForm_isOfEngine101_listingTheRegisteredVersions() {
    assertThatThrownBy(() -> ENGINE.validate("no-such-form", NODES.objectNode()))
        .isInstanceOf(OnceFormException.class)
        .hasMessage(
            "OF-ENGINE-101: form 'no-such-form' is not registered; registered:"
                + " [birth-registration@1.0.0, birth-registration@0.1.0]. Add it with"
                + " FormEngine.builder().form(...)");
    assertThatThrownBy(() -> ENGINE.validate("birth-registration@9.9.9", NODES.objectNode()))
        .hasMessageStartingWith("OF-ENGINE-101: form 'birth-registration@9.9.9' is not registered")
        .hasMessageContaining("birth-registration@0.1.0");
  }

  @Test
  void validateBytes_unknownForm_isReportedBeforeTheInputIsRead() {
    assertThatThrownBy(() -> ENGINE.validate("nope", new byte[] {'{'}))
        .hasMessageStartingWith("OF-ENGINE-101");
  }

  @Test
  void validateBytes_brokenInput_isOfJson() {
    assertThatThrownBy(() -> ENGINE.validate("birth-registration", "{\"a\": ".getBytes(UTF8)))
        .hasMessageStartingWith("OF-JSON-101: submission:1:");
    assertThatThrownBy(
            () ->
                ENGINE.validate("birth-registration", ("[" + "9".repeat(200) + "]").getBytes(UTF8)))
        .hasMessageStartingWith("OF-JSON-108: submission:1:");
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  @Test
  void engineLimits_applyToBytesAndTrees_andSurviveToBuilder() {
    FormEngine strict =
        ENGINE.toBuilder()
            .submissionLimits(SubmissionLimits.defaults().withMaxStringLength(5))
            .build();
    ObjectNode tree = NODES.objectNode().put("name", "abcdef");

    assertThatThrownBy(() -> strict.validate("birth-registration", tree))
        .hasMessageStartingWith("OF-JSON-105: submission at JSON Pointer \"/name\"")
        .hasMessageContaining("the limit is 5 (SubmissionLimits.maxStringLength)");
    assertThatThrownBy(
            () -> strict.validate("birth-registration", "{\"name\": \"abcdef\"}".getBytes(UTF8)))
        .hasMessageStartingWith("OF-JSON-105: submission:1:");
    assertThatThrownBy(() -> strict.toBuilder().build().validate("birth-registration", tree))
        .hasMessageStartingWith("OF-JSON-105");
  }

  @Test
  void tree_deepNesting_isOfJson104_withoutStackOverflow() {
    ArrayNode root = NODES.arrayNode();
    ArrayNode current = root;
    for (int i = 0; i < 10_000; i++) {
      current = current.addArray();
    }

    assertThatThrownBy(() -> ENGINE.validate("birth-registration", root))
        .hasMessageStartingWith("OF-JSON-104: submission at JSON Pointer \"/0/0/0")
        .hasMessageContaining("the limit is 32 (SubmissionLimits.maxDepth)");
  }

  @Test
  void tree_longArray_isOfJson106() {
    ObjectNode tree = NODES.objectNode();
    ArrayNode children = tree.putArray("children");
    for (int i = 0; i < 1_001; i++) {
      children.add(i);
    }

    assertThatThrownBy(() -> ENGINE.validate("birth-registration", tree))
        .hasMessageStartingWith("OF-JSON-106: submission at JSON Pointer \"/children\"");
  }

  @Test
  void tree_tooManyMembers_isOfJson107() {
    ObjectNode tree = NODES.objectNode();
    for (int i = 0; i < 1_001; i++) {
      tree.put("k" + i, i);
    }

    assertThatThrownBy(() -> ENGINE.validate("birth-registration", tree))
        .hasMessageStartingWith("OF-JSON-107: submission at JSON Pointer \"\"");
  }

  @Test
  void tree_tooLarge_isOfJson103() {
    ArrayNode tree = NODES.arrayNode();
    for (int i = 0; i < 300; i++) {
      tree.add("x".repeat(9_000));
    }

    assertThatThrownBy(() -> ENGINE.validate("birth-registration", tree))
        .hasMessageStartingWith("OF-JSON-103: submission at JSON Pointer \"\"")
        .hasMessageContaining("the limit is 2,097,152 (SubmissionLimits.maxDocumentBytes)");
  }

  @Test
  void tree_badCharactersAndNumbers_areRejected() {
    assertThatThrownBy(
            () -> ENGINE.validate("birth-registration", NODES.objectNode().put("a", "x\u0000")))
        .hasMessageStartingWith("OF-JSON-110: submission at JSON Pointer \"/a\"");
    assertThatThrownBy(
            () -> ENGINE.validate("birth-registration", NODES.objectNode().put("a", "\uD800")))
        .hasMessageStartingWith("OF-JSON-111: submission at JSON Pointer \"/a\"");
    assertThatThrownBy(
            () ->
                ENGINE.validate(
                    "birth-registration", NODES.objectNode().put("a", Double.POSITIVE_INFINITY)))
        .hasMessageStartingWith("OF-JSON-109: submission at JSON Pointer \"/a\"");
    assertThatThrownBy(
            () ->
                ENGINE.validate(
                    "birth-registration",
                    NODES.objectNode().put("a", new java.math.BigDecimal("1e400"))))
        .hasMessageStartingWith("OF-JSON-109");
    assertThatThrownBy(
            () ->
                ENGINE.validate(
                    "birth-registration",
                    NODES.objectNode().put("a", new java.math.BigInteger("9".repeat(101)))))
        .hasMessageStartingWith("OF-JSON-108: submission at JSON Pointer \"/a\"");
  }

  @Test
  void issue5_blankMemberName_isAProblemNotAnException() {
    // found by SubmissionFuzzTest: the label of "/\t" was blank and LocalizedText refused it
    ValidationReport report =
        ENGINE.validate("birth-registration@0.1.0", "{\" \": 0, \"\\t\": 0}".getBytes(UTF8));

    assertThat(report.valid()).isFalse();
    assertThat(report.problems()).extracting(problem -> problem.pointer()).contains("/ ", "/\t");
  }
}
