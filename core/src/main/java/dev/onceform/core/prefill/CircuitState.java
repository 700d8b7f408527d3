package dev.onceform.core.prefill;

/** The state of a source's circuit breaker (see {@link SourcePolicy}). */
public enum CircuitState {
  /** The source is called normally; outcomes are counted. */
  CLOSED,
  /** The source failed too often and is not called; its fields are left for the citizen. */
  OPEN,
  /** The open time is over: a few probe calls decide whether the breaker closes or opens again. */
  HALF_OPEN
}
