package dev.onceform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onceform prefill} against a population database (H2, in memory, through the JDBC adapter)
 * and a civil-status registry (a loopback HTTP server, through the HTTP adapter).
 */
class PrefillCommandTest {
  private static final String ID = "001190000001";
  private static final String DECEASED_ID = "001038000002";
  private static final String DB = "jdbc:h2:mem:prefill-command-test;DB_CLOSE_DELAY=-1";
  private static Connection keepAlive;

  @TempDir Path dir;
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void database() throws Exception {
    keepAlive = DriverManager.getConnection(DB);
    try (Statement sql = keepAlive.createStatement()) {
      sql.execute(
          "CREATE TABLE citizen (personal_id VARCHAR(12) PRIMARY KEY, full_name VARCHAR(100),"
              + " birth_date VARCHAR(10), address VARCHAR(200), record_no VARCHAR(20))");
      sql.execute(
          "INSERT INTO citizen VALUES ('"
              + ID
              + "', 'Nguyễn Thị Hường', '1992-03-14', 'Thôn 3, Xã Hòa Phú, Tỉnh Đắk Lắk',"
              + " 'DC-0001')");
      sql.execute(
          "INSERT INTO citizen VALUES ('"
              + DECEASED_ID
              + "', 'Trần Văn Đức', '1938-11-02', 'Thôn 3, Xã Hòa Phú, Tỉnh Đắk Lắk',"
              + " 'DC-0002')");
    }
  }

  @AfterAll
  static void closeDatabase() throws Exception {
    keepAlive.close();
  }

  @BeforeEach
  void startRegistry() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/marriages/",
        exchange -> {
          requests.add(exchange.getRequestURI().getPath());
          byte[] body =
              "{\"ngayDangKy\":\"2018-06-09\",\"soDangKy\":\"KH-2018-77\"}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopRegistry() {
    server.stop(0);
  }

  private String registryUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private Path sources(String httpBase) throws Exception {
    return Files.writeString(
        dir.resolve("sources.json"),
        "{\"adapters\": [\n"
            + "  {\"type\": \"jdbc\", \"id\": \"population-db\", \"source\": \"population\","
            + " \"version\": \"2026.1\", \"url\": \""
            + DB
            + "\", \"sql\": \"SELECT {columns} FROM citizen WHERE personal_id = :subjectId\","
            + " \"columns\": {\"personalId\": \"personal_id\", \"fullName\": \"full_name\","
            + " \"dateOfBirth\": \"birth_date\", \"permanentAddress\": \"address\"},"
            + " \"recordReferenceColumn\": \"record_no\"},\n"
            + "  {\"type\": \"http-json\", \"id\": \"civil-status-api\", \"source\":"
            + " \"civil-status\", \"url\": \""
            + httpBase
            + "/marriages/{subjectId}\", \"attributes\": {\"marriageRegistrationDate\":"
            + " \"/ngayDangKy\"}, \"recordReference\": \"/soDangKy\"}\n"
            + "],\n"
            + "\"policies\": {\"civil-status\": {\"timeout\": \"PT10S\"}}}\n");
  }

  @Test
  void prefill_json_dataProvenanceAndManualFields() throws Exception {
    Run run =
        run(
            "prefill",
            "--form",
            "marital-status-confirmation",
            "--subject",
            ID,
            "--config",
            sources(registryUrl()).toString(),
            "--json");

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.at("/data/applicant/fullName").asText()).isEqualTo("Nguyễn Thị Hường");
    assertThat(report.at("/data/applicant/dateOfBirth").asText()).isEqualTo("1992-03-14");
    assertThat(report.at("/data/maritalStatus/spouse/marriageRegistrationDate").asText())
        .isEqualTo("2018-06-09");
    JsonNode name = report.at("/provenance/~1applicant~1fullName");
    assertThat(name.get("source").asText()).isEqualTo("population");
    assertThat(name.get("attribute").asText()).isEqualTo("fullName");
    assertThat(name.get("recordReference").asText()).isEqualTo("DC-0001");
    assertThat(name.get("adapter").asText()).startsWith("population-db");
    assertThat(name.get("convertedFrom").isNull()).isTrue();
    JsonNode marriage = report.at("/provenance/~1maritalStatus~1spouse~1marriageRegistrationDate");
    assertThat(marriage.get("source").asText()).isEqualTo("civil-status");
    assertThat(marriage.get("recordReference").asText()).isEqualTo("KH-2018-77");
    assertThat(report.get("correlationId").asText()).isNotBlank();
    // Attributes the database does not map (sex, phone, spouse...) are left to the applicant.
    assertThat(report.get("manual").findValuesAsText("pointer")).contains("/applicant/sex");
    assertThat(requests).containsExactly("/marriages/" + ID);
  }

  @Test
  void prefill_draft_prefillsThePeopleItNames() throws Exception {
    Path draft =
        Files.writeString(
            dir.resolve("draft.json"), "{\"deceased\": {\"personalId\": \"" + DECEASED_ID + "\"}}");
    String[] args = {
      "prefill",
      "--form",
      "death-registration",
      "--subject",
      ID,
      "--config",
      sources(registryUrl()).toString(),
      "--json"
    };

    Run without = run(args);
    Run with = run(concat(args, "--draft", draft.toString()));

    assertThat(without.exitCode()).isZero();
    JsonNode manual = new ObjectMapper().readTree(without.out()).get("manual");
    assertThat(manual.findValuesAsText("pointer")).contains("/deceased/fullName");
    assertThat(manual.findValuesAsText("reason")).contains("SUBJECT_UNKNOWN");
    assertThat(with.err()).isEmpty();
    assertThat(with.exitCode()).isZero();
    JsonNode report = new ObjectMapper().readTree(with.out());
    assertThat(report.at("/data/deceased/personalId").asText()).isEqualTo(DECEASED_ID);
    assertThat(report.at("/data/deceased/fullName").asText()).isEqualTo("Trần Văn Đức");
    assertThat(report.at("/data/applicant/fullName").asText()).isEqualTo("Nguyễn Thị Hường");
    assertThat(report.at("/provenance/~1deceased~1fullName/recordReference").asText())
        .isEqualTo("DC-0002");
  }

  @Test
  void prefill_badDraft_exit2_namesTheFile() throws Exception {
    Path notJson = Files.writeString(dir.resolve("draft.json"), "{\"deceased\": ");
    Path array = Files.writeString(dir.resolve("array.json"), "[]");
    String config = sources(registryUrl()).toString();

    Run truncated =
        run(
            "prefill",
            "--form",
            "death-registration",
            "--subject",
            ID,
            "--config",
            config,
            "--draft",
            notJson.toString());
    Run notAnObject =
        run(
            "prefill",
            "--form",
            "death-registration",
            "--subject",
            ID,
            "--config",
            config,
            "--draft",
            array.toString());

    assertThat(truncated.exitCode()).isEqualTo(2);
    assertThat(truncated.err())
        .contains("OF-JSON-101: " + notJson + ":1:14")
        .contains("not valid JSON");
    assertThat(notAnObject.exitCode()).isEqualTo(2);
    assertThat(notAnObject.err()).contains(array + ": a draft must be a JSON object");
  }

  private static String[] concat(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  @Test
  void prefill_text_printsDocumentProvenanceAndManualWithLabels() throws Exception {
    Run run =
        run(
            "prefill",
            "--form",
            "marital-status-confirmation",
            "--subject",
            ID,
            "--config",
            sources(registryUrl()).toString(),
            "--purpose",
            "marital-status-confirmation",
            "--lang",
            "en");

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("marital-status-confirmation@1.0.0: prefilled (correlation id ")
        .contains("\"fullName\" : \"Nguyễn Thị Hường\"")
        .contains(
            "  /applicant/fullName  Full name  population.fullName  record DC-0001  adapter"
                + " population-db")
        .contains("Fields to fill in manually (")
        .containsPattern("  /applicant/sex  Sex  \\w+");
  }

  @Test
  void prefill_sourceDown_leavesItsFieldsUnavailable_exit0() throws Exception {
    String down = registryUrl();
    server.stop(0);

    Run run =
        run(
            "prefill",
            "--form",
            "marital-status-confirmation",
            "--subject",
            ID,
            "--config",
            sources(down).toString(),
            "--lang",
            "en");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("  /applicant/fullName  Full name  population.fullName")
        .containsPattern("/maritalStatus/spouse/marriageRegistrationDate  .*  UNAVAILABLE");
    String manual = run.out().substring(run.out().indexOf("Fields to fill in manually"));
    assertThat(manual).doesNotContain(ID);
  }

  @Test
  void prefill_badConfig_exit2_oneLineWithFileAndPointer() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("bad.json"),
            Files.readString(sources(registryUrl())).replace("\"http-json\"", "\"soap\""));

    Run run =
        run(
            "prefill",
            "--form",
            "marital-status-confirmation",
            "--subject",
            ID,
            "--config",
            file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("onceform prefill: OF-ADAPTER-303: " + file + "#/adapters/1/type: ")
        .doesNotContain(ID);
  }

  @Test
  void prefill_badInputs_exit2_withoutEchoingTheSubject() throws Exception {
    Run badId =
        run(
            "prefill",
            "--form",
            "marital-status-confirmation",
            "--subject",
            "00119000000",
            "--config",
            sources(registryUrl()).toString());
    Run missing =
        run(
            "prefill",
            "--form",
            "marital-status-confirmation",
            "--subject",
            ID,
            "--config",
            dir.resolve("nope.json").toString());
    Run policyWithoutAdapter =
        run(
            "prefill",
            "--form",
            "marital-status-confirmation",
            "--subject",
            ID,
            "--config",
            Files.writeString(
                    dir.resolve("policies.json"),
                    "{\"policies\": {\"tax\": {\"timeout\": \"PT1S\"}}}")
                .toString());

    assertThat(badId.exitCode()).isEqualTo(2);
    assertThat(badId.err()).contains("--subject must be a personal ID of 12 digits, but has 11");
    assertThat(badId.err()).doesNotContain("00119000000");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.json: file not found");
    assertThat(policyWithoutAdapter.exitCode()).isEqualTo(2);
    assertThat(policyWithoutAdapter.err().lines()).hasSize(1);
    assertThat(policyWithoutAdapter.err()).contains("policies.json: ").contains("tax");
  }
}
