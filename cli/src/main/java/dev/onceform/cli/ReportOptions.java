package dev.onceform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The options of the commands that print a report: {@code --lang} and {@code --json}. */
final class ReportOptions {
  @Option(
      names = "--lang",
      paramLabel = "vi|en",
      defaultValue = "vi",
      description = "Language of the report's texts (default: ${DEFAULT-VALUE}).")
  Language lang = Language.vi;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  /** Prints a JSON report, pretty. */
  static void printJson(JsonNode report, PrintWriter out) throws JsonProcessingException {
    out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
  }
}
