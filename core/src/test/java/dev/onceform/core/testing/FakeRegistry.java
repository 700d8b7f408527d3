package dev.onceform.core.testing;

import dev.onceform.core.spi.RegistryAdapter;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A registry adapter for tests: answers from a map of people (ID to attributes), or with a
 * behaviour given by the test, and records every query it receives.
 */
public final class FakeRegistry implements RegistryAdapter {
  private final String source;
  private final Set<String> attributes;
  private final Function<RegistryQuery, CompletionStage<RegistryAnswer>> behaviour;
  private final List<RegistryQuery> queries = new CopyOnWriteArrayList<>();

  private FakeRegistry(
      String source,
      Set<String> attributes,
      Function<RegistryQuery, CompletionStage<RegistryAnswer>> behaviour) {
    this.source = source;
    this.attributes = attributes;
    this.behaviour = behaviour;
  }

  /** A registry holding these people; it returns only the attributes asked for. */
  public static FakeRegistry holding(
      String source, Set<String> attributes, Map<String, Map<String, String>> people) {
    return new FakeRegistry(
        source,
        attributes,
        query -> {
          Map<String, String> person = people.get(query.subjectId());
          if (person == null) {
            return CompletableFuture.completedFuture(RegistryAnswer.notFound());
          }
          Map<String, String> asked = new HashMap<>();
          query
              .attributes()
              .forEach(
                  a -> {
                    if (person.containsKey(a)) {
                      asked.put(a, person.get(a));
                    }
                  });
          return CompletableFuture.completedFuture(
              RegistryAnswer.foundText("REC-" + query.subjectId().substring(8), asked));
        });
  }

  /** A registry that behaves as the function says. */
  public static FakeRegistry behaving(
      String source,
      Set<String> attributes,
      Function<RegistryQuery, CompletionStage<RegistryAnswer>> behaviour) {
    return new FakeRegistry(source, attributes, behaviour);
  }

  /** Returns the queries received so far. */
  public List<RegistryQuery> queries() {
    return List.copyOf(queries);
  }

  @Override
  public String id() {
    return "fake-" + source;
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public Set<String> attributes() {
    return attributes;
  }

  @Override
  public CompletionStage<RegistryAnswer> fetch(RegistryQuery query) {
    queries.add(query);
    return behaviour.apply(query);
  }
}
