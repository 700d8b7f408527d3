package dev.onceform.core;

import static dev.onceform.core.testing.Fixtures.FATHER_ID;
import static dev.onceform.core.testing.Fixtures.MOTHER_ID;
import static dev.onceform.core.testing.Fixtures.POPULATION_ATTRIBUTES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.prefill.PrefillSeal;
import dev.onceform.core.prefill.SealKeys;
import dev.onceform.core.testing.FakeRegistry;
import dev.onceform.core.testing.Fixtures;
import dev.onceform.core.validation.Problem;
import dev.onceform.core.validation.ValidationReport;
import dev.onceform.schema.SampleForms;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormEngineSealTest {
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Purpose PURPOSE = Purpose.of("birth-registration");
  private static final Subject MOTHER = Subject.person(MOTHER_ID);
  private static final String FORM = "birth-registration";
  private static final List<String> LOCKED =
      List.of(
          "/applicant/personalId",
          "/applicant/fullName",
          "/mother/fullName",
          "/mother/dateOfBirth",
          "/father/fullName",
          "/father/dateOfBirth");

  private static byte[] key(int seed) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) seed);
    return key;
  }

  private static SealKeys keys(String keyId, int seed) {
    return SealKeys.builder().hmac(keyId, key(seed)).build();
  }

  private static FormEngine engine(SealKeys keys) {
    return FormEngine.builder()
        .form(Fixtures.birthRegistration())
        .form(SampleForms.get("death-registration", "1.0.0").orElseThrow())
        .adapter(FakeRegistry.holding("population", POPULATION_ATTRIBUTES, Fixtures.people()))
        .clock(CLOCK)
        .sealKeys(keys)
        .build();
  }

  private static PrefillResult prefill(FormEngine engine) {
    ObjectNode draft = JsonNodeFactory.instance.objectNode();
    draft.putObject("mother").put("personalId", MOTHER_ID);
    draft.putObject("father").put("personalId", FATHER_ID);
    return engine.prefill(FORM, MOTHER, PURPOSE, draft);
  }

  private static PrefillSeal seal(PrefillResult result) {
    return result.seal().orElseThrow();
  }

  /** The prefilled draft, completed by the citizen: the valid fixture holds the same values. */
  private static ObjectNode submission() {
    return Fixtures.validSubmission();
  }

  private static List<String> codes(ValidationReport report) {
    return report.problems().stream().map(Problem::code).toList();
  }

  private static List<String> names(JsonNode object) {
    return object.properties().stream().map(java.util.Map.Entry::getKey).toList();
  }

  private static JsonNode part(PrefillSeal seal, int index) throws Exception {
    String segment = seal.token().split("\\.", -1)[index];
    return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(segment));
  }

  @Test
  void prefill_withKeys_sealsEveryLockedFieldFilledFromTheRegistry() throws Exception {
    PrefillResult result = prefill(engine(keys("k1", 1)));

    JsonNode payload = part(seal(result), 1);
    assertThat(payload.path("form").asText()).isEqualTo("birth-registration@0.1.0");
    assertThat(payload.path("iat").asLong()).isEqualTo(NOW.getEpochSecond());
    assertThat(payload.path("exp").asLong())
        .isEqualTo(NOW.plus(Duration.ofHours(24)).getEpochSecond());
    List<String> sealed = names(payload.path("locked"));
    assertThat(sealed).containsExactlyInAnyOrderElementsOf(LOCKED);
    JsonNode header = part(seal(result), 0);
    assertThat(header.path("alg").asText()).isEqualTo("HS256");
    assertThat(header.path("kid").asText()).isEqualTo("k1");
  }

  @Test
  void prefill_parentIdsUnknown_sealsOnlyTheFieldsActuallyFilled() throws Exception {
    PrefillResult result = engine(keys("k1", 1)).prefill(FORM, MOTHER, PURPOSE);

    List<String> sealed = names(part(seal(result), 1).path("locked"));
    assertThat(sealed).containsExactlyInAnyOrder("/applicant/personalId", "/applicant/fullName");
  }

  @Test
  void validate_lockedFieldLeftManual_citizenTypesIt_notChecked() {
    FormEngine engine = engine(keys("k1", 1));
    Optional<PrefillSeal> seal = engine.prefill(FORM, MOTHER, PURPOSE).seal();

    assertThat(engine.validate(FORM, submission(), seal, MOTHER).problems()).isEmpty();
  }

  @Test
  void validate_unchangedLockedValues_valid() {
    FormEngine engine = engine(keys("k1", 1));
    PrefillResult result = prefill(engine);

    ValidationReport report = engine.validate(FORM, submission(), result.seal(), MOTHER);

    assertThat(report.problems()).isEmpty();
  }

  @Test
  void validate_lockedValueChanged_reportsTamperedAtThatField() {
    FormEngine engine = engine(keys("k1", 1));
    PrefillResult result = prefill(engine);
    ObjectNode submission = submission();
    ((ObjectNode) submission.get("father")).put("fullName", "Lê Văn Tám");

    ValidationReport report = engine.validate(FORM, submission, result.seal(), MOTHER);

    assertThat(report.problems()).hasSize(1);
    Problem problem = report.problems().get(0);
    assertThat(problem.code()).isEqualTo("seal.tampered");
    assertThat(problem.pointer()).isEqualTo("/father/fullName");
    assertThat(problem.valueType()).isEqualTo("string");
    assertThat(problem.message().vi()).contains("không được sửa");
    assertThat(problem.message().in(java.util.Locale.ENGLISH)).contains("may not be changed");
  }

  @Test
  void validate_lockedValueRemoved_reportsTampered() {
    FormEngine engine = engine(keys("k1", 1));
    PrefillResult result = prefill(engine);
    ObjectNode submission = submission();
    ((ObjectNode) submission.get("mother")).remove("dateOfBirth");

    ValidationReport report = engine.validate(FORM, submission, result.seal(), MOTHER);

    assertThat(report.problems())
        .filteredOn(p -> p.code().equals("seal.tampered"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.pointer()).isEqualTo("/mother/dateOfBirth");
              assertThat(p.valueType()).isEqualTo("missing");
            });
  }

  @Test
  void validate_unlockedValuesChanged_stillValid() {
    FormEngine engine = engine(keys("k1", 1));
    PrefillResult result = prefill(engine);
    ObjectNode submission = submission();
    ((ObjectNode) submission.get("applicant")).put("residence", "Số 1, Phường Hòa Phú");
    ((ObjectNode) submission.get("applicant")).put("phone", "0987654321");

    assertThat(engine.validate(FORM, submission, result.seal(), MOTHER).problems()).isEmpty();
  }

  @Test
  void validate_lockedValueInOtherUnicodeForm_sameText_valid() {
    FormEngine engine = engine(keys("k1", 1));
    PrefillResult result = prefill(engine);
    ObjectNode submission = submission();
    String decomposed =
        java.text.Normalizer.normalize("Trần Văn Đức", java.text.Normalizer.Form.NFD);
    ((ObjectNode) submission.get("father")).put("fullName", decomposed);

    assertThat(codes(engine.validate(FORM, submission, result.seal(), MOTHER)))
        .doesNotContain("seal.tampered");
  }

  @Test
  void validate_forgedPayloadWithOriginalSignature_invalid() throws Exception {
    FormEngine engine = engine(keys("k1", 1));
    String[] parts = seal(prefill(engine)).token().split("\\.", -1);
    ObjectNode payload = (ObjectNode) part(seal(prefill(engine)), 1);
    payload.put("exp", Long.MAX_VALUE);
    String forgedPayload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(new ObjectMapper().writeValueAsBytes(payload));
    PrefillSeal forged = PrefillSeal.of(parts[0] + "." + forgedPayload + "." + parts[2]);

    ValidationReport report = engine.validate(FORM, submission(), Optional.of(forged), MOTHER);

    assertThat(codes(report)).containsExactly("seal.invalid");
    assertThat(report.problems().get(0).pointer()).isEmpty();
  }

  @Test
  void validate_signatureAltered_invalid() {
    FormEngine engine = engine(keys("k1", 1));
    String token = seal(prefill(engine)).token();
    char last = token.charAt(token.length() - 5);
    String altered =
        token.substring(0, token.length() - 5)
            + (last == 'A' ? 'B' : 'A')
            + token.substring(token.length() - 4);

    assertThat(codes(engine.validate(FORM, submission(), PrefillSeal.ofNullable(altered), MOTHER)))
        .containsExactly("seal.invalid");
  }

  @Test
  void validate_sealMadeWithAnotherKeyOfTheSameId_invalid() {
    PrefillSeal seal = seal(prefill(engine(keys("k1", 1))));

    ValidationReport report =
        engine(keys("k1", 2)).validate(FORM, submission(), Optional.of(seal), MOTHER);

    assertThat(codes(report)).containsExactly("seal.invalid");
  }

  @Test
  void validate_algNone_invalid() throws Exception {
    FormEngine engine = engine(keys("k1", 1));
    String[] parts = seal(prefill(engine)).token().split("\\.", -1);
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(
            codes(
                engine.validate(
                    FORM,
                    submission(),
                    Optional.of(PrefillSeal.of(header + "." + parts[1] + ".")),
                    MOTHER)))
        .containsExactly("seal.invalid");
  }

  @Test
  void validate_rotatedKeys_oldSealStillVerifies_newSealsUseCurrentKey() throws Exception {
    PrefillSeal old = seal(prefill(engine(keys("2026-05", 1))));
    SealKeys rotated =
        SealKeys.builder()
            .hmac("2026-05", key(1))
            .hmac("2026-11", key(2))
            .current("2026-11")
            .build();
    FormEngine engine = engine(rotated);

    assertThat(engine.validate(FORM, submission(), Optional.of(old), MOTHER).problems()).isEmpty();
    PrefillSeal fresh = seal(prefill(engine));
    assertThat(part(fresh, 0).path("kid").asText()).isEqualTo("2026-11");
    assertThat(engine.validate(FORM, submission(), Optional.of(fresh), MOTHER).problems())
        .isEmpty();
  }

  @Test
  void validate_oldKeyRemovedAfterRotation_oldSealInvalid() {
    PrefillSeal old = seal(prefill(engine(keys("2026-05", 1))));

    ValidationReport report =
        engine(keys("2026-11", 2)).validate(FORM, submission(), Optional.of(old), MOTHER);

    assertThat(codes(report)).containsExactly("seal.invalid");
  }

  @Test
  void validate_afterSealTtl_expired_justBefore_valid() {
    FormEngine engine = engine(keys("k1", 1)).toBuilder().sealTtl(Duration.ofHours(2)).build();
    Optional<PrefillSeal> seal = prefill(engine).seal();
    FormEngine later =
        engine.toBuilder()
            .clock(Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC))
            .build();
    FormEngine earlier =
        engine.toBuilder()
            .clock(Clock.fixed(NOW.plus(Duration.ofMinutes(119)), ZoneOffset.UTC))
            .build();

    assertThat(codes(later.validate(FORM, submission(), seal, MOTHER)))
        .containsExactly("seal.expired");
    assertThat(earlier.validate(FORM, submission(), seal, MOTHER).problems()).isEmpty();
  }

  @Test
  void validate_sealOfAnotherForm_wrongForm() {
    FormEngine engine = engine(keys("k1", 1));
    Optional<PrefillSeal> seal = prefill(engine).seal();

    ValidationReport report = engine.validate("death-registration", submission(), seal, MOTHER);

    assertThat(codes(report)).contains("seal.wrong-form").doesNotContain("seal.tampered");
  }

  @Test
  void validate_sealOfAnotherPerson_wrongSubject() {
    FormEngine engine = engine(keys("k1", 1));
    Optional<PrefillSeal> seal = prefill(engine).seal();

    ValidationReport report = engine.validate(FORM, submission(), seal, Subject.person(FATHER_ID));

    assertThat(codes(report)).containsExactly("seal.wrong-subject");
  }

  @Test
  void validate_noSealForFormWithLockedFields_missing() {
    ValidationReport report =
        engine(keys("k1", 1)).validate(FORM, submission(), PrefillSeal.ofNullable("  "), MOTHER);

    assertThat(report.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("seal.missing");
              assertThat(p.pointer()).isEmpty();
              assertThat(p.valueType()).isEqualTo("missing");
            });
  }

  @Test
  void engineWithoutKeys_makesNoSeal_checksNone() {
    FormEngine engine =
        FormEngine.builder()
            .form(Fixtures.birthRegistration())
            .adapter(FakeRegistry.holding("population", POPULATION_ATTRIBUTES, Fixtures.people()))
            .clock(CLOCK)
            .build();

    assertThat(prefill(engine).seal()).isEmpty();
    assertThat(engine.validate(FORM, submission(), Optional.empty(), MOTHER).problems()).isEmpty();
    assertThat(
            codes(
                engine.validate(FORM, submission(), Optional.of(PrefillSeal.of("a.b.c")), MOTHER)))
        .containsExactly("seal.invalid");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "a.b",
        "a.b.c",
        "a.b.c.d",
        "..",
        "e30.e30.",
        "eyJhbGciOiJIUzI1NiJ9.e30.AAAA",
        "eyJhbGciOiJIUzI1NiIsImtpZCI6ImsxIn0=.e30.AAAA",
        "eyJhbGciOiJIUzI1NiIsImtpZCI6ImsxIn0.e30.!!!!",
        "W10.W10.W10",
        "🙂.🙂.🙂"
      })
  void validate_malformedToken_invalid_noException(String token) {
    ValidationReport report =
        engine(keys("k1", 1))
            .validate(FORM, submission(), Optional.of(PrefillSeal.of(token)), MOTHER);

    assertThat(codes(report)).containsExactly("seal.invalid");
  }

  @Test
  void validate_hugeToken_invalid_noException() {
    String huge = "eyJhbGciOiJIUzI1NiIsImtpZCI6ImsxIn0." + "A".repeat(5_000_000) + ".AAAA";

    ValidationReport report =
        engine(keys("k1", 1))
            .validate(FORM, submission(), Optional.of(PrefillSeal.of(huge)), MOTHER);

    assertThat(codes(report)).containsExactly("seal.invalid");
  }

  @Test
  void seal_containsNoPersonalData() throws Exception {
    PrefillResult result = prefill(engine(keys("k1", 1)));
    String token = seal(result).token();
    String decoded = part(seal(result), 0) + "." + part(seal(result), 1);

    for (String personal :
        List.of(
            MOTHER_ID,
            FATHER_ID,
            "Nguyễn Thị Hường",
            "Trần Văn Đức",
            "1992-04-17",
            "1990-09-02",
            "Hường",
            "Đức")) {
      assertThat(decoded).doesNotContain(personal);
      assertThat(token).doesNotContain(personal);
    }
  }

  @Test
  void seal_twoPrefillsOfOnePerson_differ() throws Exception {
    FormEngine engine = engine(keys("k1", 1));

    JsonNode first = part(seal(prefill(engine)), 1);
    JsonNode second = part(seal(prefill(engine)), 1);

    assertThat(first.path("sub")).isNotEqualTo(second.path("sub"));
    assertThat(first.path("locked").path("/mother/fullName"))
        .isNotEqualTo(second.path("locked").path("/mother/fullName"));
  }
}
