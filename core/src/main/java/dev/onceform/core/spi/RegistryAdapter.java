package dev.onceform.core.spi;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Connects OnceForm to one registry (a "source" such as {@code population}), answering queries for
 * the attributes a form binds with {@code x-prefill}.
 *
 * <p>Contract for implementations:
 *
 * <ul>
 *   <li>Thread-safe and cheap to construct; the engine may call {@link #fetch} concurrently.
 *   <li>Answer asynchronously and honour {@link RegistryQuery#deadline()}; do not block the calling
 *       thread on network I/O. The engine stops waiting at the deadline and leaves the fields for
 *       the citizen to fill in.
 *   <li>Return only the attributes asked for. "No such person" is {@link
 *       RegistryAnswer#notFound()}, and a failure is {@link RegistryAnswer#failed}, not an
 *       exception; an exception or a failed stage is treated as {@code UNAVAILABLE}.
 *   <li>Never log attribute values or the subject's identification number.
 * </ul>
 *
 * <p>Register adapters with {@code FormEngine.builder().adapter(...)}.
 */
public interface RegistryAdapter {

  /** Returns a unique, stable id for this adapter, used in provenance and messages. */
  String id();

  /** Returns the source id this adapter answers for, e.g. {@code population}. */
  String source();

  /** Returns the attributes this adapter can return. */
  Set<String> attributes();

  /** Returns the adapter's version, recorded in provenance. */
  default String version() {
    return "unversioned";
  }

  /**
   * Looks up the attributes of one person.
   *
   * @param query the person, the attributes and the deadline
   * @return a stage that completes with the answer
   */
  CompletionStage<RegistryAnswer> fetch(RegistryQuery query);
}
