package dev.onceform.core.adapters;

import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryAnswer.Status;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Maps HTTP statuses, bodies and transport failures to registry answers. Details name the adapter,
 * source and status code, never the URL, the subject or a value.
 */
final class Outcomes {
  private final ResponseMapping response;
  private final String context;

  Outcomes(ResponseMapping response, String context) {
    this.response = response;
    this.context = context;
  }

  RegistryAnswer interpret(HttpResponse<LimitedBody.Result> http, Set<String> asked) {
    int status = http.statusCode();
    String answered = context + " answered status " + status;
    if (status == 200) {
      LimitedBody.Result body = http.body();
      if (body instanceof LimitedBody.Json json) {
        return response.map(json.bytes(), asked, context);
      }
      String reason =
          body instanceof LimitedBody.Rejected rejected ? rejected.reason() : "no body was read";
      return RegistryAnswer.failed(Status.BAD_DATA, answered + ": " + reason);
    }
    if (status == 404) {
      return RegistryAnswer.failed(Status.NOT_FOUND, answered + ": no record");
    }
    if (status == 408 || status == 429 || status >= 500) {
      return RegistryAnswer.failed(Status.UNAVAILABLE, answered);
    }
    if (status >= 400) {
      return RegistryAnswer.failed(Status.REFUSED, answered);
    }
    return RegistryAnswer.failed(Status.BAD_DATA, answered + ", expected 200 or 404");
  }

  RegistryAnswer failure(Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof CallFailure call) {
      return RegistryAnswer.failed(call.status(), String.valueOf(call.getMessage()));
    }
    if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
      return RegistryAnswer.failed(Status.UNAVAILABLE, context + ": no answer before the deadline");
    }
    return RegistryAnswer.failed(
        Status.UNAVAILABLE, context + ": call failed (" + describe(cause) + ")");
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Names the kind of a transport failure without its message, which may contain the URL. */
  static String describe(Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof HttpConnectTimeoutException) {
      return "connect timed out";
    }
    if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
      return "timed out";
    }
    if (cause instanceof ConnectException) {
      return "connection refused";
    }
    if (cause instanceof CancellationException) {
      return "cancelled";
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return "TLS failed: " + t.getClass().getSimpleName();
      }
    }
    return cause.getClass().getSimpleName();
  }
}
