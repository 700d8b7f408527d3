package dev.onceform.signing.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP server under {@link TestTsa} and {@link TestOcsp}: the JDK's server on 127.0.0.1 and a
 * free port, with daemon threads, and the few exchange helpers they share.
 */
final class LoopbackServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;

  private LoopbackServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts a server with one handler per path prefix.
   *
   * @param threadName the name of the handler threads
   * @param contexts path prefix to handler
   */
  static LoopbackServer start(String threadName, Map<String, HttpHandler> contexts)
      throws IOException {
    ExecutorService executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, threadName);
              thread.setDaemon(true);
              return thread;
            });
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    contexts.forEach(server::createContext);
    server.setExecutor(executor);
    server.start();
    return new LoopbackServer(server, executor);
  }

  /** The server's root URL, e.g. {@code http://127.0.0.1:41234/}. */
  URI base() {
    InetSocketAddress address = server.getAddress();
    return URI.create(
        "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/");
  }

  /** Stops the server at once, interrupting handlers that still run. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Reads at most {@code limit} bytes of the request body. */
  static byte[] body(HttpExchange exchange, int limit) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readNBytes(limit);
    }
  }

  static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Sends a plain-text answer. */
  static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    send(exchange, status, "text/plain", text.getBytes(StandardCharsets.US_ASCII));
  }
}
