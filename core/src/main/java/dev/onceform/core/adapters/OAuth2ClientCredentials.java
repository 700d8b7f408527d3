package dev.onceform.core.adapters;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Optional;

/**
 * OAuth 2.0 client-credentials settings (RFC 6749 section 4.4) for {@link HttpJsonRegistryAdapter}:
 * the adapter asks the token endpoint for a bearer token, authenticating with HTTP Basic ({@code
 * client_secret_basic}), and sends it as {@code Authorization: Bearer ...}.
 *
 * <p>{@link #toString()} masks the secret.
 *
 * @param tokenEndpoint the token endpoint, {@code https} (or {@code http} on loopback for tests)
 * @param clientId the client id issued by the registry
 * @param clientSecret the client secret; read it from a secret store or environment variable, never
 *     from a file checked in
 * @param scope the scope to ask for, if the registry wants one
 */
public record OAuth2ClientCredentials(
    URI tokenEndpoint, String clientId, String clientSecret, Optional<String> scope) {

  /** Checks the parts. */
  public OAuth2ClientCredentials {
    requireNonNull(tokenEndpoint, "tokenEndpoint");
    requireNonNull(clientId, "clientId");
    requireNonNull(clientSecret, "clientSecret");
    requireNonNull(scope, "scope");
    String scheme = tokenEndpoint.getScheme();
    if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException(
          "tokenEndpoint must be an https URL, but was " + tokenEndpoint);
    }
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    if (clientSecret.isEmpty()) {
      throw new IllegalArgumentException("clientSecret must not be empty");
    }
  }

  /** Returns settings without a scope. */
  public static OAuth2ClientCredentials of(
      URI tokenEndpoint, String clientId, String clientSecret) {
    return new OAuth2ClientCredentials(tokenEndpoint, clientId, clientSecret, Optional.empty());
  }

  /** Returns these settings asking for {@code scope}. */
  public OAuth2ClientCredentials withScope(String scope) {
    return new OAuth2ClientCredentials(tokenEndpoint, clientId, clientSecret, Optional.of(scope));
  }

  /** Returns a description with the secret masked. */
  @Override
  public String toString() {
    return "OAuth2ClientCredentials[tokenEndpoint="
        + tokenEndpoint
        + ", clientId="
        + clientId
        + ", clientSecret=****, scope="
        + scope.orElse("")
        + "]";
  }
}
