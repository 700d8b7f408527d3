package dev.onceform.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.FormEngine;
import dev.onceform.core.Purpose;
import dev.onceform.core.Subject;
import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.spi.RegistryAdapter;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryQuery;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.SampleForms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Prefill, each benchmark beside its baseline:
 *
 * <ul>
 *   <li><b>Fan-out</b> ({@code fanOut*}, sample time): a form with one field bound to each of five
 *       sources whose adapters answer after 20, 40, 60, 80 and 100 ms (completed by one shared
 *       scheduler thread, no thread per call, no sleep). {@link #fanOutPrefill} is a full {@link
 *       FormEngine#prefill}; {@link #fanOutSlowestAlone} waits for the 100 ms adapter alone. The
 *       ratio at p50 and p99 shows whether the engine calls sources in parallel and adds nothing
 *       noticeable to the slowest one.
 *   <li><b>Overhead</b> ({@code overhead*}, throughput, one thread): the birth-registration form
 *       1.0.0 (18 bound fields, one source, three people: applicant, mother, father) with adapters
 *       that answer at once. {@link #overheadPrefill} is a full prefill (plan, breakers, value
 *       checks and normalisation, code lists, provenance); {@link #overheadHandWritten} makes the
 *       same three adapter calls and writes the same 18 values into a JSON object by hand. The
 *       ratio is the engine's overhead.
 * </ul>
 */
@Fork(1)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
public class PrefillBenchmark {
  static final String MOTHER_ID = "066192001234";
  static final String FATHER_ID = "001090004567";
  static final Purpose PURPOSE = Purpose.of("birth-registration");
  static final long[] DELAYS_MS = {20, 40, 60, 80, 100};

  /** Five sources with 20-100 ms latency, completed by one scheduler thread. */
  @State(Scope.Benchmark)
  public static class FanOut {
    ScheduledExecutorService scheduler;
    FormEngine engine;
    RegistryAdapter slowest;
    RegistryQuery slowestQuery;

    @Setup
    public void setUp() {
      scheduler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "registry-latency");
                t.setDaemon(true);
                return t;
              });
      FormEngine.Builder builder = FormEngine.builder().form(fanOutForm());
      for (int i = 0; i < DELAYS_MS.length; i++) {
        String source = "registry" + (i + 1);
        DelayedAdapter adapter = new DelayedAdapter(source, DELAYS_MS[i], scheduler);
        builder.adapter(adapter);
        slowest = adapter;
      }
      engine = builder.build();
      slowestQuery =
          new RegistryQuery(
              "registry5",
              MOTHER_ID,
              Set.of("value"),
              PURPOSE,
              "fan-out@1.0.0",
              "bench",
              Instant.now().plusSeconds(3600));
      PrefillResult check = engine.prefill("fan-out", Subject.person(MOTHER_ID), PURPOSE);
      if (!check.manual().isEmpty() || check.data().size() != DELAYS_MS.length) {
        throw new IllegalStateException("fan-out prefill must fill all five fields: " + check);
      }
    }

    @TearDown
    public void tearDown() {
      scheduler.shutdownNow();
    }
  }

  /** The birth-registration form 1.0.0 with a population adapter that answers at once. */
  @State(Scope.Benchmark)
  public static class Overhead {
    FormEngine engine;
    RegistryAdapter population;
    ObjectNode draft;

    @Setup
    public void setUp() {
      population = new InstantPopulation();
      FormDefinition form = SampleForms.get("birth-registration", "1.0.0").orElseThrow();
      engine = FormEngine.builder().form(form).adapter(population).build();
      draft = JsonNodeFactory.instance.objectNode();
      draft.putObject("mother").put("personalId", MOTHER_ID);
      draft.putObject("father").put("personalId", FATHER_ID);
      PrefillResult result =
          engine.prefill("birth-registration@1.0.0", Subject.person(MOTHER_ID), PURPOSE, draft);
      if (!result.manual().isEmpty() || result.provenance().size() != 18) {
        throw new IllegalStateException(
            "prefill must fill all 18 bound fields; manual: " + result.manual());
      }
      JsonNode byHand = handWritten(population, draft);
      if (!byHand.equals(result.data())) {
        throw new IllegalStateException(
            "the hand-written baseline must build the same JSON as the engine");
      }
    }
  }

  /** Full prefill of the five-source form. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 10, time = 2)
  public PrefillResult fanOutPrefill(FanOut state) {
    return state.engine.prefill("fan-out", Subject.person(MOTHER_ID), PURPOSE);
  }

  /** Baseline: wait for the slowest (100 ms) adapter alone. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 10, time = 2)
  public RegistryAnswer fanOutSlowestAlone(FanOut state) {
    return state.slowest.fetch(state.slowestQuery).toCompletableFuture().join();
  }

  /** Full prefill of birth-registration 1.0.0 with zero-latency adapters. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public PrefillResult overheadPrefill(Overhead state) {
    return state.engine.prefill(
        "birth-registration@1.0.0", Subject.person(MOTHER_ID), PURPOSE, state.draft);
  }

  /** Baseline: the same three adapter calls, the same JSON written by hand. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public JsonNode overheadHandWritten(Overhead state) {
    return handWritten(state.population, state.draft);
  }

  /**
   * What the engine does for birth-registration 1.0.0, written out for this one form: one query per
   * person with that person's bound attributes, then the values copied into the draft.
   */
  static ObjectNode handWritten(RegistryAdapter population, ObjectNode draft) {
    Instant deadline = Instant.now().plusSeconds(3);
    CompletableFuture<RegistryAnswer> applicant =
        population
            .fetch(
                query(
                    MOTHER_ID,
                    Set.of("personalId", "fullName", "permanentAddress", "phone", "email"),
                    deadline))
            .toCompletableFuture();
    CompletableFuture<RegistryAnswer> mother =
        population
            .fetch(
                query(
                    MOTHER_ID,
                    Set.of(
                        "fullName",
                        "dateOfBirth",
                        "ethnicity",
                        "nationality",
                        "permanentAddress",
                        "permanentAddressCommune",
                        "householdHeadPersonalId"),
                    deadline))
            .toCompletableFuture();
    CompletableFuture<RegistryAnswer> father =
        population
            .fetch(
                query(
                    FATHER_ID,
                    Set.of(
                        "fullName", "dateOfBirth", "ethnicity", "nationality", "permanentAddress"),
                    deadline))
            .toCompletableFuture();
    ObjectNode data = draft.deepCopy();
    Map<String, JsonNode> a = applicant.join().values();
    ObjectNode applicantNode = data.putObject("applicant");
    applicantNode.set("personalId", a.get("personalId"));
    applicantNode.set("fullName", a.get("fullName"));
    applicantNode.set("residence", a.get("permanentAddress"));
    applicantNode.set("phone", a.get("phone"));
    applicantNode.set("email", a.get("email"));
    Map<String, JsonNode> m = mother.join().values();
    ObjectNode motherNode = (ObjectNode) data.get("mother");
    person(motherNode, m);
    ObjectNode residence = data.putObject("residence");
    residence.set("commune", m.get("permanentAddressCommune"));
    residence.set("address", m.get("permanentAddress"));
    residence.set("householdHeadPersonalId", m.get("householdHeadPersonalId"));
    person((ObjectNode) data.get("father"), father.join().values());
    return data;
  }

  private static void person(ObjectNode node, Map<String, JsonNode> values) {
    for (String attribute :
        List.of("fullName", "dateOfBirth", "ethnicity", "nationality", "permanentAddress")) {
      node.set(attribute, values.get(attribute));
    }
  }

  private static RegistryQuery query(String id, Set<String> attributes, Instant deadline) {
    return new RegistryQuery(
        "population", id, attributes, PURPOSE, "birth-registration@1.0.0", "bench", deadline);
  }

  /** A form with one text field per fan-out source. */
  static FormDefinition fanOutForm() {
    List<String> fields = new ArrayList<>();
    for (int i = 1; i <= DELAYS_MS.length; i++) {
      fields.add(
          "\"field"
              + i
              + "\": {\"type\": \"string\", \"x-label\": {\"vi\": \"Trường "
              + i
              + "\"}, \"x-prefill\": {\"source\": \"registry"
              + i
              + "\", \"attribute\": \"value\", \"subject\": \"applicant\"}}");
    }
    String json =
        "{\"x-form\": {\"id\": \"fan-out\", \"version\": \"1.0.0\", \"title\": {\"vi\": \"Thử\"}},"
            + " \"type\": \"object\", \"properties\": {"
            + String.join(", ", fields)
            + "}}";
    return FormDefinition.parse(json, "fan-out.json");
  }

  /** Answers after a fixed delay, completed by a shared scheduler (no thread per call). */
  static final class DelayedAdapter implements RegistryAdapter {
    private final String source;
    private final long delayMs;
    private final ScheduledExecutorService scheduler;
    private final RegistryAnswer answer;

    DelayedAdapter(String source, long delayMs, ScheduledExecutorService scheduler) {
      this.source = source;
      this.delayMs = delayMs;
      this.scheduler = scheduler;
      this.answer = RegistryAnswer.foundText("REC-" + source, Map.of("value", "v-" + source));
    }

    @Override
    public String id() {
      return "delayed-" + source;
    }

    @Override
    public String source() {
      return source;
    }

    @Override
    public Set<String> attributes() {
      return Set.of("value");
    }

    @Override
    public CompletionStage<RegistryAnswer> fetch(RegistryQuery query) {
      CompletableFuture<RegistryAnswer> future = new CompletableFuture<>();
      var unused =
          scheduler.schedule(() -> future.complete(answer), delayMs, TimeUnit.MILLISECONDS);
      return future;
    }
  }

  /**
   * The population registry for the birth-registration form, answering at once with a prepared
   * record (all attributes; the engine takes those it asked for).
   */
  static final class InstantPopulation implements RegistryAdapter {
    private final Map<String, CompletableFuture<RegistryAnswer>> answers;

    InstantPopulation() {
      Map<String, String> mother = new LinkedHashMap<>();
      mother.put("personalId", MOTHER_ID);
      mother.put("fullName", "Nguyễn Thị Hường");
      mother.put("dateOfBirth", "1992-04-17");
      mother.put("ethnicity", "01");
      mother.put("nationality", "VN");
      mother.put("permanentAddress", "Thôn 3, Xã Hòa Phú, Tỉnh Đắk Lắk");
      mother.put("permanentAddressCommune", "24175");
      mother.put("householdHeadPersonalId", FATHER_ID);
      mother.put("phone", "0912345678");
      mother.put("email", "huong.nguyen@example.vn");
      Map<String, String> father = new LinkedHashMap<>();
      father.put("personalId", FATHER_ID);
      father.put("fullName", "Trần Văn Đức");
      father.put("dateOfBirth", "1990-09-02");
      father.put("ethnicity", "01");
      father.put("nationality", "VN");
      father.put("permanentAddress", "Thôn 3, Xã Hòa Phú, Tỉnh Đắk Lắk");
      father.put("permanentAddressCommune", "24175");
      father.put("householdHeadPersonalId", FATHER_ID);
      answers =
          Map.of(
              MOTHER_ID,
              CompletableFuture.completedFuture(RegistryAnswer.foundText("REC-1234", mother)),
              FATHER_ID,
              CompletableFuture.completedFuture(RegistryAnswer.foundText("REC-4567", father)));
    }

    @Override
    public String id() {
      return "instant-population";
    }

    @Override
    public String source() {
      return "population";
    }

    @Override
    public Set<String> attributes() {
      return Set.of(
          "personalId",
          "fullName",
          "dateOfBirth",
          "ethnicity",
          "nationality",
          "permanentAddress",
          "permanentAddressCommune",
          "householdHeadPersonalId",
          "phone",
          "email");
    }

    @Override
    public CompletionStage<RegistryAnswer> fetch(RegistryQuery query) {
      CompletableFuture<RegistryAnswer> answer = answers.get(query.subjectId());
      return answer != null ? answer : CompletableFuture.completedFuture(RegistryAnswer.notFound());
    }
  }
}
