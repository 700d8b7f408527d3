package dev.onceform.signing.testing;

import dev.onceform.signing.spi.SignatureAlgorithm;
import dev.onceform.signing.spi.SignerKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/** A hand-written {@link SignerKey} fake that misbehaves on purpose. */
public final class FakeSignerKey implements SignerKey {

  private final SignerKey delegate;
  private final List<X509Certificate> chain;
  private final Optional<RuntimeException> failure;

  private FakeSignerKey(
      SignerKey delegate, List<X509Certificate> chain, Optional<RuntimeException> failure) {
    this.delegate = delegate;
    this.chain = List.copyOf(chain);
    this.failure = failure;
  }

  /** Signs with {@code delegate}'s private key but presents {@code chain}. */
  public static FakeSignerKey claimingChain(SignerKey delegate, List<X509Certificate> chain) {
    return new FakeSignerKey(delegate, chain, Optional.empty());
  }

  /** Presents {@code delegate}'s chain but throws {@code failure} when asked to sign. */
  public static FakeSignerKey failingWith(SignerKey delegate, RuntimeException failure) {
    return new FakeSignerKey(delegate, delegate.certificateChain(), Optional.of(failure));
  }

  @Override
  public String id() {
    return "fake:" + delegate.id();
  }

  @Override
  public List<X509Certificate> certificateChain() {
    return chain;
  }

  @Override
  public byte[] sign(byte[] toBeSigned, SignatureAlgorithm algorithm) {
    if (failure.isPresent()) {
      throw failure.get();
    }
    return delegate.sign(toBeSigned, algorithm);
  }
}
