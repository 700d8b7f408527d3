package dev.onceform.core.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.onceform.core.adapters.HttpJsonRegistryAdapter.Method;
import dev.onceform.core.spi.RegistryQuery;
import dev.onceform.schema.internal.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Builds the HTTP request for a query: URL template, method, headers and JSON body template. */
final class RequestTemplate {
  private final Template url;
  private final Optional<JsonNode> body;
  private final Map<String, String> headers;

  RequestTemplate(
      String urlTemplate, Method method, Optional<JsonNode> body, Map<String, String> headers) {
    this.url = Template.parse(urlTemplate, "url template");
    checkUrl(urlTemplate);
    if (method == Method.GET && body.isPresent()) {
      throw new IllegalArgumentException("a body template needs method POST, but method is GET");
    }
    if (method == Method.POST && body.isEmpty()) {
      throw new IllegalArgumentException("method POST needs a JSON body template");
    }
    this.body = body.map(JsonNode::deepCopy);
    this.body.ifPresent(template -> expand(template.deepCopy(), Map.of()));
    this.headers = new LinkedHashMap<>(headers);
  }

  private void checkUrl(String template) {
    URI first;
    URI second;
    try {
      first = URI.create(url.expand(Map.of(), value -> "a"));
      second = URI.create(url.expand(Map.of(), value -> "b"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("url template is not a valid URL: " + template, e);
    }
    String scheme = first.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || first.getHost() == null) {
      throw new IllegalArgumentException(
          "url template must be an absolute https URL, but was " + template);
    }
    if (!String.valueOf(first.getRawAuthority()).equals(String.valueOf(second.getRawAuthority()))) {
      throw new IllegalArgumentException(
          "url template may have placeholders in its path and query only, but was " + template);
    }
  }

  /** Returns the request for a query, expiring after {@code timeout}. */
  HttpRequest request(RegistryQuery query, Duration timeout, Optional<String> bearer) {
    Map<String, String> values = Template.values(query);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url.expand(values, Template::percentEncode)))
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("X-Correlation-Id", query.correlationId());
    headers.forEach(builder::header);
    bearer.ifPresent(token -> builder.header("Authorization", "Bearer " + token));
    if (body.isPresent()) {
      JsonNode filled = body.get().deepCopy();
      JsonNode expanded = expand(filled, values);
      byte[] bytes;
      try {
        bytes = Json.mapper().writeValueAsBytes(expanded);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("body template could not be written", e);
      }
      builder
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    } else {
      builder.GET();
    }
    return builder.build();
  }

  /** Replaces placeholders in every string of a (copied) JSON template, unencoded. */
  private static JsonNode expand(JsonNode node, Map<String, String> values) {
    if (node.isTextual()) {
      Template template = Template.parse(node.asText(), "body template string");
      return template.hasVariables()
          ? TextNode.valueOf(template.expand(values, UnaryOperator.identity()))
          : node;
    }
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        field.setValue(expand(field.getValue(), values));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, expand(array.get(i), values));
      }
    }
    return node;
  }
}
