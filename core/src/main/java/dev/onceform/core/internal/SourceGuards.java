package dev.onceform.core.internal;

import dev.onceform.core.prefill.CircuitListener;
import dev.onceform.core.prefill.CircuitState;
import dev.onceform.core.prefill.SourcePolicy;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-source policy and circuit breaker (Resilience4j) of one engine, shared by all its forms
 * and prefill calls. Thread-safe. Resilience4j types stay inside this package.
 */
public final class SourceGuards {
  private static final System.Logger LOG = System.getLogger(SourceGuards.class.getName());

  private final Map<String, Guard> guards;

  /**
   * Creates a breaker for each source.
   *
   * @param sources the source ids of the registered adapters
   * @param policies a policy per source; sources not listed get {@code defaults}
   * @param clock the clock the breakers measure their open time with
   * @param listeners told of every state change
   */
  public SourceGuards(
      Collection<String> sources,
      Map<String, SourcePolicy> policies,
      SourcePolicy defaults,
      Clock clock,
      List<CircuitListener> listeners) {
    Map<String, Guard> map = new LinkedHashMap<>();
    for (String source : sources) {
      SourcePolicy policy = policies.getOrDefault(source, defaults);
      CircuitBreaker breaker = CircuitBreaker.of(source, config(policy, clock));
      List<CircuitListener> told = List.copyOf(listeners);
      breaker
          .getEventPublisher()
          .onStateTransition(
              event ->
                  tell(
                      told,
                      source,
                      state(event.getStateTransition().getFromState()),
                      state(event.getStateTransition().getToState())));
      map.put(source, new Guard(policy, breaker));
    }
    this.guards = Map.copyOf(map);
  }

  private static CircuitBreakerConfig config(SourcePolicy policy, Clock clock) {
    return CircuitBreakerConfig.custom()
        .slidingWindow(
            policy.slidingWindowSize(),
            Math.min(policy.minimumCalls(), policy.slidingWindowSize()),
            SlidingWindowType.COUNT_BASED)
        .failureRateThreshold(policy.failureRateThreshold())
        .waitDurationInOpenState(policy.openDuration())
        .permittedNumberOfCallsInHalfOpenState(policy.probeCalls())
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .writableStackTraceEnabled(false)
        .clock(clock)
        .build();
  }

  private static void tell(
      List<CircuitListener> listeners, String source, CircuitState from, CircuitState to) {
    for (CircuitListener listener : listeners) {
      try {
        listener.stateChanged(source, from, to);
      } catch (RuntimeException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "circuit listener " + listener.getClass().getName() + " failed for source " + source,
            e);
      }
    }
  }

  /** Returns the breaker state of a source, or empty if no adapter serves it. */
  public Optional<CircuitState> state(String source) {
    Guard guard = guards.get(source);
    return guard == null ? Optional.empty() : Optional.of(state(guard.breaker().getState()));
  }

  /** Returns the policy and breaker of a registered source. */
  Guard guard(String source) {
    Guard guard = guards.get(source);
    if (guard == null) {
      throw new IllegalStateException("no guard for source " + source);
    }
    return guard;
  }

  private static CircuitState state(CircuitBreaker.State state) {
    return switch (state) {
      case OPEN, FORCED_OPEN -> CircuitState.OPEN;
      case HALF_OPEN -> CircuitState.HALF_OPEN;
      case CLOSED, DISABLED, METRICS_ONLY -> CircuitState.CLOSED;
    };
  }

  /** One source's policy and breaker. */
  record Guard(SourcePolicy policy, CircuitBreaker breaker) {}
}
