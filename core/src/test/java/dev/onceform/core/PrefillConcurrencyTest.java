package dev.onceform.core;

import static dev.onceform.core.testing.Fixtures.FATHER_ID;
import static dev.onceform.core.testing.Fixtures.MOTHER_ID;
import static dev.onceform.core.testing.Fixtures.POPULATION_ATTRIBUTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.prefill.CircuitState;
import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.testing.FakeRegistry;
import dev.onceform.core.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many prefills at once against adapters that answer asynchronously: all complete, and the engine
 * starts no thread per call. Not a speed test; the timeout only guards against a hang.
 */
class PrefillConcurrencyTest {
  private static final int PREFILLS = 1_000;
  private static final int POOL = 64;
  private static final int SCHEDULER_THREADS = 2;
  private static final int THREAD_MARGIN = 50;

  @Test
  void thousandConcurrentPrefills_allComplete_noThreadPerCall() throws Exception {
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(SCHEDULER_THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(POOL);
    AtomicInteger peakThreads = new AtomicInteger();
    AtomicInteger calls = new AtomicInteger();
    FakeRegistry population =
        FakeRegistry.behaving(
            "population",
            POPULATION_ATTRIBUTES,
            query -> {
              calls.incrementAndGet();
              peakThreads.accumulateAndGet(liveThreads(), Math::max);
              Map<String, String> person =
                  Objects.requireNonNull(Fixtures.people().get(query.subjectId()));
              Map<String, String> asked = new HashMap<>();
              query.attributes().forEach(a -> asked.put(a, person.get(a)));
              CompletableFuture<RegistryAnswer> answer = new CompletableFuture<>();
              var unused =
                  scheduler.schedule(
                      () -> answer.complete(RegistryAnswer.foundText("REC-1", asked)),
                      ThreadLocalRandom.current().nextLong(5, 21),
                      TimeUnit.MILLISECONDS);
              return answer;
            });
    // A prefill deadline far beyond any delay: this test is about completion, not speed.
    FormEngine engine =
        FormEngine.builder()
            .form(Fixtures.birthRegistration())
            .adapter(population)
            .prefillTimeout(Duration.ofSeconds(50))
            .build();
    ObjectNode draft = JsonNodeFactory.instance.objectNode();
    draft.putObject("mother").put("personalId", MOTHER_ID);
    draft.putObject("father").put("personalId", FATHER_ID);
    int before = liveThreads();

    try {
      List<PrefillResult> results =
          assertTimeoutPreemptively(
              Duration.ofSeconds(60),
              () -> {
                List<Future<PrefillResult>> futures = new ArrayList<>();
                for (int i = 0; i < PREFILLS; i++) {
                  futures.add(
                      pool.submit(
                          () ->
                              engine.prefill(
                                  "birth-registration",
                                  Subject.person(MOTHER_ID),
                                  Purpose.of("birth-registration"),
                                  draft)));
                }
                List<PrefillResult> done = new ArrayList<>();
                for (Future<PrefillResult> future : futures) {
                  done.add(future.get());
                }
                return done;
              });

      assertThat(results).hasSize(PREFILLS);
      for (PrefillResult result : results) {
        assertThat(result.manual()).isEmpty();
        assertThat(result.provenance()).hasSize(13);
        JsonNode data = result.data();
        assertThat(data.at("/applicant/fullName").asText()).isEqualTo("Nguyễn Thị Hường");
        assertThat(data.at("/mother/dateOfBirth").asText()).isEqualTo("1992-04-17");
        assertThat(data.at("/father/fullName").asText()).isEqualTo("Trần Văn Đức");
      }
      assertThat(results).extracting(PrefillResult::correlationId).doesNotHaveDuplicates();
      // three people per prefill (applicant, mother, father), one query each
      assertThat(calls.get()).isEqualTo(3 * PREFILLS);
      assertThat(peakThreads.get())
          .as("live threads during the run (%d before it)", before)
          .isLessThanOrEqualTo(before + POOL + THREAD_MARGIN);
      assertThat(engine.circuitState("population")).contains(CircuitState.CLOSED);
    } finally {
      pool.shutdownNow();
      scheduler.shutdownNow();
    }
  }

  /** All live threads of the JVM (an estimate, as {@link ThreadGroup#activeCount()} says). */
  private static int liveThreads() {
    ThreadGroup group = Thread.currentThread().getThreadGroup();
    while (group.getParent() != null) {
      group = group.getParent();
    }
    return group.activeCount();
  }
}
