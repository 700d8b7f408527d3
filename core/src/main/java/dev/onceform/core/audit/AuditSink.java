package dev.onceform.core.audit;

/**
 * Receives one {@link AuditEvent} for every registry adapter call a prefill makes.
 *
 * <p>Contract for implementations:
 *
 * <ul>
 *   <li>Thread-safe: the engine records from many prefills at once.
 *   <li>Quick: {@link #record} runs on the prefilling thread, so hand slow work (a remote store) to
 *       a queue of your own.
 *   <li>A sink may throw; the engine catches the exception, logs it as {@code OF-AUDIT-105} with
 *       the sink's class, and goes on. An audit failure never fails a prefill (applications that
 *       must not serve data without a written audit record should check their sink's health
 *       themselves).
 * </ul>
 *
 * <p>Register sinks with {@code FormEngine.builder().auditSink(...)}; the built-in ones are in
 * {@link AuditSinks}.
 */
@FunctionalInterface
public interface AuditSink {

  /**
   * Records one adapter call.
   *
   * @param event what was asked of which registry, and how it ended; never personal values
   */
  void record(AuditEvent event);
}
