package dev.onceform.core.prefill;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * How prefill treats one registry source: how long one call may take, and when its circuit breaker
 * stops calling a registry that keeps failing.
 *
 * <p>The breaker counts the outcomes of the last {@link #slidingWindowSize()} calls. Once at least
 * {@link #minimumCalls()} were made and {@link #failureRateThreshold()} percent or more of them
 * failed (unavailable, timed out, threw, failed stage or bad data; "not found" and "refused" are
 * answers, not failures), it opens: for {@link #openDuration()} the source is not called and its
 * fields are left {@link ManualField.Reason#CIRCUIT_OPEN}. Then it lets {@link #probeCalls()} calls
 * through (half-open) and closes again if they succeed, or opens again if they fail.
 *
 * <pre>{@code
 * FormEngine.builder()
 *     .source("population", SourcePolicy.builder().timeout(Duration.ofMillis(800)).build())
 * }</pre>
 *
 * @param timeout how long one call may take; empty: only the engine's overall prefill deadline
 *     applies. The overall deadline always applies, whichever is sooner.
 * @param failureRateThreshold percentage of failed calls (1-100) that opens the breaker
 * @param slidingWindowSize how many of the most recent calls the rate is computed over
 * @param minimumCalls how many calls must be recorded before the rate counts
 * @param openDuration how long an open breaker rejects calls before it probes the source
 * @param probeCalls how many calls a half-open breaker lets through to probe the source
 */
public record SourcePolicy(
    Optional<Duration> timeout,
    int failureRateThreshold,
    int slidingWindowSize,
    int minimumCalls,
    Duration openDuration,
    int probeCalls) {

  private static final SourcePolicy DEFAULTS = builder().build();

  /** Checks the parts; see {@link Builder} for the ranges. */
  public SourcePolicy {
    requireNonNull(timeout, "timeout");
    timeout.ifPresent(t -> positive("timeout", t));
    if (failureRateThreshold < 1 || failureRateThreshold > 100) {
      throw new IllegalArgumentException(
          "failureRateThreshold must be 1-100 (percent), but was " + failureRateThreshold);
    }
    atLeastOne("slidingWindowSize", slidingWindowSize);
    atLeastOne("minimumCalls", minimumCalls);
    positive("openDuration", requireNonNull(openDuration, "openDuration"));
    atLeastOne("probeCalls", probeCalls);
  }

  /**
   * Returns the default policy: no per-source timeout (the overall deadline applies), the breaker
   * opens when half of the last 10 calls (at least 5) failed, stays open 30 seconds, then probes
   * with 2 calls.
   */
  public static SourcePolicy defaults() {
    return DEFAULTS;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this policy, to derive a variant. */
  public Builder toBuilder() {
    Builder builder =
        builder()
            .failureRateThreshold(failureRateThreshold)
            .slidingWindowSize(slidingWindowSize)
            .minimumCalls(minimumCalls)
            .openDuration(openDuration)
            .probeCalls(probeCalls);
    timeout.ifPresent(builder::timeout);
    return builder;
  }

  private static void positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but was " + value);
    }
  }

  private static void atLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, but was " + value);
    }
  }

  /** Builds a {@link SourcePolicy}. Not thread-safe. */
  public static final class Builder {
    private Optional<Duration> timeout = Optional.empty();
    private int failureRateThreshold = 50;
    private int slidingWindowSize = 10;
    private int minimumCalls = 5;
    private Duration openDuration = Duration.ofSeconds(30);
    private int probeCalls = 2;

    private Builder() {}

    /**
     * Sets how long one call to the source may take; default none (only the overall deadline).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      positive("timeout", requireNonNull(timeout, "timeout"));
      this.timeout = Optional.of(timeout);
      return this;
    }

    /**
     * Sets the failure percentage that opens the breaker; default 50.
     *
     * @throws IllegalArgumentException if not 1-100
     */
    public Builder failureRateThreshold(int percent) {
      if (percent < 1 || percent > 100) {
        throw new IllegalArgumentException(
            "failureRateThreshold must be 1-100 (percent), but was " + percent);
      }
      this.failureRateThreshold = percent;
      return this;
    }

    /**
     * Sets how many recent calls the failure rate is computed over; default 10.
     *
     * @throws IllegalArgumentException if less than 1
     */
    public Builder slidingWindowSize(int calls) {
      atLeastOne("slidingWindowSize", calls);
      this.slidingWindowSize = calls;
      return this;
    }

    /**
     * Sets how many calls must be recorded before the failure rate counts; default 5.
     *
     * @throws IllegalArgumentException if less than 1
     */
    public Builder minimumCalls(int calls) {
      atLeastOne("minimumCalls", calls);
      this.minimumCalls = calls;
      return this;
    }

    /**
     * Sets how long an open breaker rejects calls before probing; default 30 seconds.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder openDuration(Duration duration) {
      positive("openDuration", requireNonNull(duration, "duration"));
      this.openDuration = duration;
      return this;
    }

    /**
     * Sets how many calls a half-open breaker lets through; default 2.
     *
     * @throws IllegalArgumentException if less than 1
     */
    public Builder probeCalls(int calls) {
      atLeastOne("probeCalls", calls);
      this.probeCalls = calls;
      return this;
    }

    /** Returns the policy. */
    public SourcePolicy build() {
      return new SourcePolicy(
          timeout, failureRateThreshold, slidingWindowSize, minimumCalls, openDuration, probeCalls);
    }
  }
}
