package dev.onceform.core.audit;

/**
 * When the JSON Lines audit sink forces its file to the storage device ({@code fsync}).
 *
 * <p>Whatever the policy, each line reaches the operating system in one write before {@link
 * AuditSink#record} returns, so a crash of the JVM loses no recorded line.
 */
public enum FsyncPolicy {
  /**
   * Forces the file after every line: a recorded line survives a power failure or kernel crash.
   * Costs one disk flush per adapter call, and calls are written one at a time. The default.
   */
  EVERY_LINE,
  /**
   * Forces the file only on {@link CloseableAuditSink#close()}: the lines of the last moments
   * before a power failure may be lost, and the last line may be torn (the sink then refuses to
   * reopen the file until an operator has looked at it: {@code OF-AUDIT-102}). For high throughput
   * on storage with slow flushes.
   */
  ON_CLOSE
}
