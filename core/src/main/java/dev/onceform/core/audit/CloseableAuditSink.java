package dev.onceform.core.audit;

/** An {@link AuditSink} that holds a resource (a file) until closed. */
public interface CloseableAuditSink extends AuditSink, AutoCloseable {

  /**
   * Flushes what was recorded to storage and releases the resource; later {@link #record} calls
   * fail with {@code OF-AUDIT-104}. Closing twice does nothing.
   *
   * @throws dev.onceform.schema.OnceFormException {@code OF-AUDIT-101} if the final flush fails
   */
  @Override
  void close();
}
