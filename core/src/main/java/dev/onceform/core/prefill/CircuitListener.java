package dev.onceform.core.prefill;

/**
 * Told when a source's circuit breaker changes state, for example to alert operators that a
 * registry is down. Register with {@code FormEngine.builder().circuitListener(...)}.
 *
 * <p>Called on the thread that records the outcome, inside a prefill call: return quickly and do
 * not throw (an exception is ignored).
 */
@FunctionalInterface
public interface CircuitListener {

  /**
   * Called after the breaker of {@code source} went from {@code from} to {@code to}.
   *
   * @param source the source id, e.g. {@code population}
   * @param from the previous state
   * @param to the new state
   */
  void stateChanged(String source, CircuitState from, CircuitState to);
}
