package dev.onceform.core.prefill;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A tamper-evident seal over the locked fields of a prefill, which the browser carries back with
 * the submission so that {@link dev.onceform.core.FormEngine#validate(String,
 * com.fasterxml.jackson.databind.JsonNode, Optional, dev.onceform.core.Subject)} can reject a
 * changed locked value.
 *
 * <p>The token is a URL-safe JWS compact serialization ({@code header.payload.signature}, HS256)
 * made by the engine with the application's {@link SealKeys}. Its payload holds the form id and
 * version, when it was issued and when it expires, and keyed, salted digests of the applicant's
 * personal ID and of each locked value: it carries no personal data in clear, so it may be put in a
 * hidden form field or a cookie.
 *
 * <p>A token is not checked when the seal is made: a malformed or forged token is reported as a
 * problem by {@code validate}, never as an exception.
 *
 * @param token the compact token, e.g. {@code eyJhbGciOiJIUzI1NiIsImtpZCI6ImsxIn0.eyJ…}
 */
public record PrefillSeal(String token) {

  /** Checks that the token is not null. */
  public PrefillSeal {
    requireNonNull(token, "token");
  }

  /** Returns the seal with this token. */
  public static PrefillSeal of(String token) {
    return new PrefillSeal(token);
  }

  /**
   * Returns the seal a request carried, or empty when it carried none: {@code null}, empty and
   * blank tokens all mean "no seal", which {@code validate} reports as {@code seal.missing} for a
   * form with locked fields.
   */
  public static Optional<PrefillSeal> ofNullable(@Nullable String token) {
    return token == null || token.isBlank() ? Optional.empty() : Optional.of(of(token));
  }

  /** Returns the token. */
  @Override
  public String toString() {
    return token;
  }
}
