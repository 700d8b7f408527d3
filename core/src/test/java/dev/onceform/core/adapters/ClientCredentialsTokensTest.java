package dev.onceform.core.adapters;

import static dev.onceform.core.adapters.HttpJsonRegistryAdapterTest.PERSON;
import static dev.onceform.core.adapters.HttpJsonRegistryAdapterTest.adapter;
import static dev.onceform.core.adapters.HttpJsonRegistryAdapterTest.answer;
import static dev.onceform.core.adapters.HttpJsonRegistryAdapterTest.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryAnswer.Status;
import dev.onceform.core.spi.RegistryQuery;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth 2.0 client credentials of {@link HttpJsonRegistryAdapter}, against a loopback server. */
class ClientCredentialsTokensTest {
  private Loopback server;
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicReference<String> accepted = new AtomicReference<>("token-1");
  private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
  private final List<String> tokenAuthorizations = new CopyOnWriteArrayList<>();
  private volatile int tokenStatus = 200;

  @BeforeEach
  void start() throws IOException {
    server =
        Loopback.http()
            .handle(
                "/token",
                exchange -> {
                  tokenRequests.add(
                      new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                  tokenAuthorizations.add(
                      String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                  if (tokenStatus != 200) {
                    Loopback.json(exchange, tokenStatus, "{\"error\":\"invalid_client\"}");
                    return;
                  }
                  Loopback.json(
                      exchange,
                      200,
                      "{\"access_token\":\"token-"
                          + issued.incrementAndGet()
                          + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
                })
            .handle(
                "/citizens/",
                exchange -> {
                  String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                  if (("Bearer " + accepted.get()).equals(authorization)) {
                    Loopback.json(exchange, 200, PERSON);
                  } else {
                    Loopback.json(exchange, 401, "{}");
                  }
                });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpJsonRegistryAdapter adapter(Clock clock) {
    return HttpJsonRegistryAdapterTest.adapter(server.url("/citizens/{subjectId}"))
        .oauth2(
            OAuth2ClientCredentials.of(URI.create(server.url("/token")), "agency:ubnd", "s3cret/+")
                .withScope("citizen.read"))
        .clock(clock)
        .build();
  }

  private static List<RegistryAnswer> concurrently(
      HttpJsonRegistryAdapter adapter, RegistryQuery query, int calls) throws Exception {
    List<CompletableFuture<RegistryAnswer>> pending = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      pending.add(adapter.fetch(query).toCompletableFuture());
    }
    List<RegistryAnswer> answers = new ArrayList<>();
    for (CompletableFuture<RegistryAnswer> answer : pending) {
      answers.add(answer.get(20, TimeUnit.SECONDS));
    }
    return answers;
  }

  @Test
  void concurrentCalls_shareOneTokenRequest() throws Exception {
    HttpJsonRegistryAdapter adapter = adapter(Clock.systemUTC());

    List<RegistryAnswer> answers = concurrently(adapter, query(Set.of("fullName")), 20);

    assertThat(answers).extracting(RegistryAnswer::status).containsOnly(Status.FOUND);
    assertThat(tokenRequests).containsExactly("grant_type=client_credentials&scope=citizen.read");
    String basic =
        Base64.getEncoder()
            .encodeToString("agency%3Aubnd:s3cret%2F%2B".getBytes(StandardCharsets.UTF_8));
    assertThat(tokenAuthorizations).containsExactly("Basic " + basic);
  }

  @Test
  void rejectedToken_isRefreshedOnceForAllCallersThatSawThe401() throws Exception {
    HttpJsonRegistryAdapter adapter = adapter(Clock.systemUTC());
    assertThat(answer(adapter, query(Set.of("fullName"))).status()).isEqualTo(Status.FOUND);

    accepted.set("token-2");
    List<RegistryAnswer> answers = concurrently(adapter, query(Set.of("fullName")), 10);

    assertThat(answers).extracting(RegistryAnswer::status).containsOnly(Status.FOUND);
    assertThat(tokenRequests).hasSize(2);
  }

  @Test
  void stillRejectedAfterRefresh_isRefused() throws Exception {
    HttpJsonRegistryAdapter adapter = adapter(Clock.systemUTC());
    accepted.set("never");

    RegistryAnswer answer = answer(adapter, query(Set.of("fullName")));

    assertThat(answer.status()).isEqualTo(Status.REFUSED);
    assertThat(answer.detail()).contains("401");
    assertThat(tokenRequests).hasSize(2);
  }

  @Test
  void tokenAboutToExpire_isReplacedBeforeUse() throws Exception {
    MutableClock clock = new MutableClock(Instant.now());
    HttpJsonRegistryAdapter adapter = adapter(clock);
    RegistryQuery query = query(Set.of("fullName"));
    assertThat(answer(adapter, query).status()).isEqualTo(Status.FOUND);
    clock.advance(Duration.ofSeconds(200));
    assertThat(answer(adapter, withDeadline(query, clock)))
        .extracting(RegistryAnswer::status)
        .isEqualTo(Status.FOUND);
    assertThat(tokenRequests).hasSize(1);

    accepted.set("token-2");
    clock.advance(Duration.ofSeconds(80));
    assertThat(answer(adapter, withDeadline(query, clock)).status()).isEqualTo(Status.FOUND);
    assertThat(tokenRequests).hasSize(2);
  }

  @Test
  void tokenEndpointRefusingTheClient_isRefused() throws Exception {
    tokenStatus = 401;

    RegistryAnswer answer = answer(adapter(Clock.systemUTC()), query(Set.of("fullName")));

    assertThat(answer.status()).isEqualTo(Status.REFUSED);
    assertThat(answer.detail()).contains("token endpoint", "population-http");
  }

  @Test
  void tokenEndpointFailing_isUnavailableAndTheNextCallAsksAgain() throws Exception {
    tokenStatus = 503;
    HttpJsonRegistryAdapter adapter = adapter(Clock.systemUTC());
    assertThat(answer(adapter, query(Set.of("fullName"))).status()).isEqualTo(Status.UNAVAILABLE);

    tokenStatus = 200;
    assertThat(answer(adapter, query(Set.of("fullName"))).status()).isEqualTo(Status.FOUND);
    assertThat(tokenRequests).hasSize(2);
  }

  @Test
  void secret_isMaskedInToString() {
    assertThat(OAuth2ClientCredentials.of(URI.create("https://id.example/token"), "c", "s3cret"))
        .asString()
        .doesNotContain("s3cret");
  }

  private static RegistryQuery withDeadline(RegistryQuery query, Clock clock) {
    return new RegistryQuery(
        query.source(),
        query.subjectId(),
        query.attributes(),
        query.purpose(),
        query.formId(),
        query.correlationId(),
        clock.instant().plusSeconds(10));
  }

  /** A clock the test moves forward. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
