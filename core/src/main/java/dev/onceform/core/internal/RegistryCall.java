package dev.onceform.core.internal;

import dev.onceform.core.prefill.ManualField.Reason;
import dev.onceform.core.spi.RegistryAdapter;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryQuery;
import dev.onceform.schema.FieldDefinition;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One query to one adapter under its source's circuit breaker and deadline: started first (all
 * calls of a round start before any is awaited, so they run in parallel), then awaited on the
 * caller's thread until its own deadline. Records every outcome on the breaker. Not thread-safe.
 */
final class RegistryCall {
  private final RegistryAdapter adapter;
  private final RegistryQuery query;
  private final List<FieldDefinition> fields;
  private final CircuitBreaker breaker;
  private final long deadlineNanos;
  private @Nullable CompletableFuture<RegistryAnswer> future;
  private long startNanos;
  private volatile long endNanos;
  private boolean tooLate;

  /** What the call gave: an answer, or why there is none. */
  sealed interface Outcome {}

  /** The adapter answered (any status). */
  record Answered(RegistryAnswer answer) implements Outcome {}

  /** The adapter was not called, failed, or was late. */
  record Failed(Reason reason, String detail) implements Outcome {}

  RegistryCall(
      RegistryAdapter adapter,
      RegistryQuery query,
      List<FieldDefinition> fields,
      CircuitBreaker breaker,
      long deadlineNanos) {
    this.adapter = adapter;
    this.query = query;
    this.fields = fields;
    this.breaker = breaker;
    this.deadlineNanos = deadlineNanos;
  }

  /**
   * Calls the adapter, unless the prefill's deadline has already passed (an earlier round used it
   * up; not the registry's fault, so the breaker is not told) or the source's breaker is open.
   * Never throws.
   */
  void start() {
    if (deadlineNanos - System.nanoTime() <= 0) {
      tooLate = true;
      return;
    }
    if (!breaker.tryAcquirePermission()) {
      return;
    }
    startNanos = System.nanoTime();
    try {
      CompletionStage<RegistryAnswer> stage = adapter.fetch(query);
      future =
          stage == null
              ? CompletableFuture.failedFuture(new NullPointerException("fetch returned null"))
              : stage.toCompletableFuture();
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    var unused = future.whenComplete((answer, failure) -> endNanos = System.nanoTime());
  }

  /**
   * Returns the time from the call until the answer came (or until now if it has not), zero if the
   * adapter was not called.
   */
  Duration elapsed() {
    if (future == null) {
      return Duration.ZERO;
    }
    long end = endNanos;
    return Duration.ofNanos(Math.max(0, (end == 0 ? System.nanoTime() : end) - startNanos));
  }

  RegistryQuery query() {
    return query;
  }

  /** Waits for the answer until this call's deadline and records the outcome on the breaker. */
  Outcome await() {
    CompletableFuture<RegistryAnswer> started = future;
    if (tooLate) {
      return new Failed(Reason.TIMEOUT, source() + ": prefill deadline passed before the call");
    }
    if (started == null) {
      return new Failed(
          Reason.CIRCUIT_OPEN,
          source() + ": circuit breaker open after repeated failures; not called");
    }
    RegistryAnswer answer;
    try {
      answer = started.get(Math.max(deadlineNanos - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      started.cancel(true);
      return failed(e, Reason.TIMEOUT, "no answer in time");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return failed(
          cause, Reason.UNAVAILABLE, "adapter failed: " + cause.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      breaker.releasePermission();
      return new Failed(Reason.TIMEOUT, source() + ": interrupted");
    }
    if (answer == null) {
      return failed(new RegistryFailure("null answer"), Reason.BAD_VALUE, "adapter answered null");
    }
    long elapsed = System.nanoTime() - startNanos;
    if (answer.status() == RegistryAnswer.Status.UNAVAILABLE
        || answer.status() == RegistryAnswer.Status.BAD_DATA) {
      breaker.onError(elapsed, TimeUnit.NANOSECONDS, new RegistryFailure(answer.status().name()));
    } else {
      breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
    }
    return new Answered(answer);
  }

  private Failed failed(Throwable error, Reason reason, String detail) {
    breaker.onError(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS, error);
    return new Failed(reason, source() + ": " + detail);
  }

  RegistryAdapter adapter() {
    return adapter;
  }

  String source() {
    return query.source();
  }

  List<FieldDefinition> fields() {
    return fields;
  }

  /** A failure recorded on the breaker; no stack trace, no personal data. */
  private static final class RegistryFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RegistryFailure(String message) {
      super(message, null, false, false);
    }
  }
}
