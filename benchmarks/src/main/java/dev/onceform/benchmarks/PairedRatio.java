package dev.onceform.benchmarks;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Measures a benchmark's ratio to its baseline with the machine's drift cancelled: JMH runs a
 * class's benchmarks one after another (all forks of one, then the next), so a baseline measured
 * minutes apart from its benchmark carries the machine's drift into the ratio. This runner
 * alternates single forks of each pair instead (round 1: benchmark then baseline, round 2: baseline
 * then benchmark, ...), takes the ratio within each round, and prints the median, minimum and
 * maximum of the per-round ratios and the median absolute scores. Each fork uses the warm-up and
 * measurement of the benchmark's own annotations.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.onceform.benchmarks.PairedRatio ValidationBenchmark [rounds]
 * java -cp benchmarks/target/benchmarks.jar dev.onceform.benchmarks.PairedRatio ValidationBenchmark onceformValid rawValid [rounds]
 * java -cp benchmarks/target/benchmarks.jar dev.onceform.benchmarks.PairedRatio SigningBenchmark sign signFloor keyType=EC_P256 [rounds]
 * }</pre>
 *
 * <p>With only a class, every {@code @Benchmark} method {@code onceformX} is paired with its
 * baseline {@code rawX}. A class without a package is looked up in {@code dev.onceform.benchmarks}.
 * Arguments {@code name=value} set a {@code @Param} (one value each, since every fork must run the
 * same configuration). Rounds default to 6 (an even number, so each order runs equally often). For
 * maintainers; not a CI gate.
 */
public final class PairedRatio {
  private static final int DEFAULT_ROUNDS = 6;

  private PairedRatio() {}

  /** One benchmark and its baseline, with the scores of every round. */
  private record Pair(String benchmark, String baseline, List<Double> scores, List<Double> bases) {
    Pair(String benchmark, String baseline) {
      this(benchmark, baseline, new ArrayList<>(), new ArrayList<>());
    }
  }

  /**
   * Runs the pairs and prints the ratios.
   *
   * @param args {@code Class [benchmark baseline] [rounds]}
   */
  public static void main(String[] args) throws RunnerException, ClassNotFoundException {
    List<String> rest = new ArrayList<>();
    Map<String, String> params = new LinkedHashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (equals > 0) {
        params.put(arg.substring(0, equals), arg.substring(equals + 1));
      } else {
        rest.add(arg);
      }
    }
    int rounds = DEFAULT_ROUNDS;
    if (!rest.isEmpty() && rest.get(rest.size() - 1).matches("\\d+")) {
      rounds = Integer.parseInt(rest.remove(rest.size() - 1));
    }
    if ((rest.size() != 1 && rest.size() != 3) || rounds < 1) {
      System.err.println(
          "usage: PairedRatio <BenchmarkClass> [<benchmark> <baseline>] [name=value ...] [rounds >= 1, default 6]");
      System.exit(2);
      return;
    }
    String className =
        rest.get(0).contains(".") ? rest.get(0) : "dev.onceform.benchmarks." + rest.get(0);
    List<Pair> pairs =
        rest.size() == 3
            ? List.of(new Pair(rest.get(1), rest.get(2)))
            : conventionalPairs(Class.forName(className));
    if (pairs.isEmpty()) {
      System.err.println(
          className
              + " has no onceformX/rawX benchmark pairs; name the pair: <benchmark> <baseline>");
      System.exit(2);
      return;
    }
    String unit = "";
    for (int round = 0; round < rounds; round++) {
      for (Pair pair : pairs) {
        boolean baselineFirst = round % 2 == 1;
        Result<?> first =
            run(className, baselineFirst ? pair.baseline() : pair.benchmark(), round, params);
        Result<?> second =
            run(className, baselineFirst ? pair.benchmark() : pair.baseline(), round, params);
        Result<?> score = baselineFirst ? second : first;
        Result<?> base = baselineFirst ? first : second;
        pair.scores().add(score.getScore());
        pair.bases().add(base.getScore());
        unit = score.getScoreUnit();
      }
    }
    System.out.printf(
        Locale.ROOT, "%n%s, %d rounds of one fork each, alternating order%n", className, rounds);
    for (Pair pair : pairs) {
      report(pair, unit);
    }
  }

  /** Pairs {@code onceformX} with {@code rawX}, in name order. */
  private static List<Pair> conventionalPairs(Class<?> benchmarks) {
    List<String> names = new ArrayList<>();
    for (Method method : benchmarks.getMethods()) {
      if (method.isAnnotationPresent(Benchmark.class)) {
        names.add(method.getName());
      }
    }
    names.sort(null);
    List<Pair> pairs = new ArrayList<>();
    for (String name : names) {
      if (name.startsWith("onceform")
          && names.contains("raw" + name.substring("onceform".length()))) {
        pairs.add(new Pair(name, "raw" + name.substring("onceform".length())));
      }
    }
    return pairs;
  }

  private static Result<?> run(
      String className, String method, int round, Map<String, String> params)
      throws RunnerException {
    System.out.printf(
        Locale.ROOT, "round %d: %s %s...", round + 1, method, params.isEmpty() ? "" : params + " ");
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include("^" + Pattern.quote(className + "." + method) + "$")
            .forks(1)
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT);
    params.forEach(options::param);
    RunResult result = new Runner(options.build()).runSingle();
    Result<?> primary = result.getPrimaryResult();
    System.out.printf(Locale.ROOT, " %.3f %s%n", primary.getScore(), primary.getScoreUnit());
    return primary;
  }

  private static void report(Pair pair, String unit) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < pair.scores().size(); i++) {
      ratios.add(pair.scores().get(i) / pair.bases().get(i));
    }
    System.out.printf(
        Locale.ROOT,
        "%s / %s: ratio median %.3f (min %.3f, max %.3f); median %s %.3f %s, %s %.3f %s;"
            + " ratios %s%n",
        pair.benchmark(),
        pair.baseline(),
        median(ratios),
        ratios.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
        ratios.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
        pair.benchmark(),
        median(pair.scores()),
        unit,
        pair.baseline(),
        median(pair.bases()),
        unit,
        ratios.stream().map(r -> String.format(Locale.ROOT, "%.3f", r)).toList());
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
