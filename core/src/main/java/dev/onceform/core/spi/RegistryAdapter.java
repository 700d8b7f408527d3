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
 * <p>The engine guards every source: a call that is late, throws, fails its stage, answers {@code
 * null}, {@code UNAVAILABLE} or {@code BAD_DATA} counts as a failure for the source's circuit
 * breaker ({@code SourcePolicy}); "not found" and "refused" are answers. Values are checked against
 * the field's schema and normalised before they enter the form, so an adapter may pass on what the
 * registry holds (for example a date as {@code dd/MM/yyyy}, or a commune code of before July 2025).
 *
 * <p>Register adapters with {@code FormEngine.builder().adapter(...)}, or list them for {@link
 * java.util.ServiceLoader} ({@code provides dev.onceform.core.spi.RegistryAdapter with ...} or
 * {@code META-INF/services}) and call {@code FormEngine.builder().discoverAdapters()}; a discovered
 * adapter needs a public no-argument constructor.
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
