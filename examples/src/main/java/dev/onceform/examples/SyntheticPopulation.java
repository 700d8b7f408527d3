package dev.onceform.examples;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.adapters.JdbcRegistryAdapter;
import dev.onceform.schema.AdminUnit;
import dev.onceform.schema.AdminUnitConversion;
import dev.onceform.schema.AdministrativeUnits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;

/**
 * An embedded "population database": an H2 database (in memory, or in a file for the demo) with a
 * {@code citizen} table of a few thousand deterministic synthetic citizens, and a {@link
 * JdbcRegistryAdapter} over it for the source {@code population}.
 *
 * <p>Every person is invented. Personal ID numbers follow the rules (a real pre-2025 province code,
 * the sex and century digit, the year of birth, six random digits) but belong to no one. About 20 %
 * of the permanent addresses carry a commune code of before 1 July 2025 (most convert exactly to a
 * current commune, a few were split and are ambiguous), as real registries still do. The demo's
 * fixed people ({@link InMemoryPopulationRegistry#MOTHER_ID}, {@link
 * InMemoryPopulationRegistry#FATHER_ID}, {@link #APPLICANT_ID}) are always present.
 *
 * <p>Close it to drop the database and stop the adapter's threads.
 */
public final class SyntheticPopulation implements AutoCloseable {
  /** The number of generated citizens, besides the fixed demo people. */
  public static final int DEFAULT_SIZE = 3_000;

  /** The seed that makes the population the same on every run. */
  public static final long DEFAULT_SEED = 20250701L;

  /** The synthetic owner of a household business in the demo (Lê Ngọc Ánh). */
  public static final String APPLICANT_ID = "079300012345";

  /** The pre-2025 code of Xã Hòa Phú (Buôn Ma Thuột, Đắk Lắk), the mother's recorded commune. */
  public static final String MOTHER_OLD_COMMUNE = "24172";

  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** The 63 pre-2025 province codes that start a personal ID number. */
  private static final List<String> ID_PROVINCES =
      List.of(
          "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
          "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
          "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
          "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
          "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096");

  private static final List<String> FAMILY_NAMES =
      List.of(
          "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý");
  private static final List<String> MALE_MIDDLE =
      List.of("Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thành", "Xuân");
  private static final List<String> FEMALE_MIDDLE =
      List.of("Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Bích", "Thùy");
  private static final List<String> MALE_GIVEN =
      List.of(
          "Hùng", "Dũng", "Tuấn", "Nam", "Hải", "Long", "Phúc", "Khánh", "Trung", "Sơn", "Bảo",
          "Hiếu", "Quân", "Đạt", "Thắng", "Lộc");
  private static final List<String> FEMALE_GIVEN =
      List.of(
          "Lan", "Hương", "Hoa", "Mai", "Linh", "Trang", "Hạnh", "Thảo", "Ngân", "Yến", "Phương",
          "Nhung", "Hà", "Vy", "Ánh", "Hường");
  private static final List<String> OTHER_ETHNICITIES = List.of("02", "03", "04", "05", "06", "07");

  private final JdbcDataSource dataSource;
  private final Connection keepAlive;
  private final JdbcRegistryAdapter adapter;
  private final int size;

  /** Attribute of the source catalog's {@code population} source to column of {@code citizen}. */
  private static final Map<String, String> COLUMNS = columns();

  private static final String SQL = "SELECT {columns} FROM citizen WHERE personal_id = :subjectId";
  private static final String ADAPTER_ID = "population-h2";
  private static final String VERSION = "synthetic-" + DEFAULT_SEED;

  private final String url;

  private SyntheticPopulation(
      JdbcDataSource dataSource, Connection keepAlive, int size, Clock clock) {
    this.dataSource = dataSource;
    this.url = dataSource.getURL();
    this.keepAlive = keepAlive;
    this.size = size;
    JdbcRegistryAdapter.Builder builder =
        JdbcRegistryAdapter.builder()
            .id(ADAPTER_ID)
            .source("population")
            .version(VERSION)
            .dataSource(dataSource)
            .sql(SQL)
            .recordReferenceColumn("record_no")
            .maxConcurrency(4)
            .clock(clock);
    COLUMNS.forEach(builder::column);
    this.adapter = builder.build();
  }

  private static Map<String, String> columns() {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("personalId", "personal_id");
    columns.put("fullName", "full_name");
    columns.put("dateOfBirth", "birth_date");
    columns.put("sex", "sex");
    columns.put("ethnicity", "ethnicity");
    columns.put("nationality", "nationality");
    columns.put("permanentAddress", "permanent_address");
    columns.put("permanentAddressCommune", "permanent_commune");
    columns.put("currentAddress", "current_address");
    columns.put("phone", "phone");
    columns.put("householdHeadPersonalId", "household_head_id");
    return Collections.unmodifiableMap(columns);
  }

  /** Creates the database with {@link #DEFAULT_SIZE} citizens from {@link #DEFAULT_SEED}. */
  public static SyntheticPopulation create() {
    return create(DEFAULT_SIZE, DEFAULT_SEED, Clock.systemUTC());
  }

  /**
   * Creates the database with {@link #DEFAULT_SIZE} citizens from {@link #DEFAULT_SEED}.
   *
   * @param clock the adapter's clock for query deadlines: the same clock as the engine's
   */
  public static SyntheticPopulation create(Clock clock) {
    return create(DEFAULT_SIZE, DEFAULT_SEED, clock);
  }

  /**
   * Creates the database in memory.
   *
   * @param size how many citizens to generate, besides the fixed demo people
   * @param seed the random seed; the same seed gives the same people
   * @param clock the adapter's clock for query deadlines: the same clock as the engine's
   * @throws IllegalStateException if H2 fails (it should not: the database is in memory)
   */
  public static SyntheticPopulation create(int size, long seed, Clock clock) {
    return create(
        "jdbc:h2:mem:onceform-population-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
        size,
        seed,
        clock);
  }

  /**
   * Creates the database with {@link #DEFAULT_SIZE} citizens from {@link #DEFAULT_SEED} as an H2
   * file database {@code population.mv.db} in a directory, replacing one left there by an earlier
   * run. It stays after {@link #close()}, so that other programs (such as {@code onceform prefill}
   * with the configuration of {@link #adapterConfig()}) can read it later.
   *
   * @param directory the directory for the database file (created if missing)
   * @throws UncheckedIOException if the directory or an old database file cannot be written
   * @throws IllegalStateException if H2 fails, e.g. because another program has the file open
   */
  public static SyntheticPopulation createFile(Path directory) {
    Path dir = requireNonNull(directory, "directory").toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(dir.resolve("population.mv.db"));
      Files.deleteIfExists(dir.resolve("population.trace.db"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir + ": " + e.getMessage(), e);
    }
    return create(
        "jdbc:h2:file:" + dir.resolve("population"), DEFAULT_SIZE, DEFAULT_SEED, Clock.systemUTC());
  }

  private static SyntheticPopulation create(String url, int size, long seed, Clock clock) {
    requireNonNull(clock, "clock");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, but was " + size);
    }
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    try {
      Connection connection = dataSource.getConnection();
      try {
        createTable(connection);
        insert(connection, fixedPeople());
        insert(connection, generate(size, seed));
        return new SyntheticPopulation(dataSource, connection, size, clock);
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the synthetic population: " + e, e);
    }
  }

  /** Returns the database's JDBC URL. */
  public String url() {
    return url;
  }

  /**
   * Returns the adapter as an entry of a sources configuration file ({@code "type": "jdbc"} with
   * this database's {@code url}; see {@link dev.onceform.core.adapters.RegistryAdapters}): the same
   * query and column mapping as {@link #adapter()}.
   */
  public ObjectNode adapterConfig() {
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.put("type", "jdbc");
    config.put("id", ADAPTER_ID);
    config.put("source", "population");
    config.put("version", VERSION);
    config.put("url", url);
    config.put("sql", SQL);
    ObjectNode columns = config.putObject("columns");
    COLUMNS.forEach(columns::put);
    config.put("recordReferenceColumn", "record_no");
    config.put("maxConcurrency", 4);
    return config;
  }

  /** Returns the adapter for source {@code population}; closed with this population. */
  public JdbcRegistryAdapter adapter() {
    return adapter;
  }

  /** Returns the database, for reading it directly (tests, tools). */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Returns how many citizens were generated, besides the fixed demo people. */
  public int generated() {
    return size;
  }

  /** Returns how many citizens the database holds: the generated ones and the demo's three. */
  public int citizens() {
    return size + 3;
  }

  /** Stops the adapter and closes the database (an in-memory one is dropped). */
  @Override
  public void close() {
    adapter.close();
    try (Statement statement = keepAlive.createStatement()) {
      statement.execute("SHUTDOWN");
    } catch (SQLException e) {
      // The in-memory database is gone either way once the last connection closes.
    } finally {
      try {
        keepAlive.close();
      } catch (SQLException e) {
        // ignored: see above
      }
    }
  }

  /** One row of the {@code citizen} table. */
  private record Citizen(
      String personalId,
      String fullName,
      LocalDate birthDate,
      String sex,
      String ethnicity,
      String permanentAddress,
      String permanentCommune,
      @Nullable String currentAddress,
      @Nullable String phone,
      @Nullable String householdHeadId) {}

  private static void createTable(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE citizen ("
              + " personal_id VARCHAR(12) PRIMARY KEY,"
              + " full_name VARCHAR(100) NOT NULL,"
              + " birth_date DATE NOT NULL,"
              + " sex VARCHAR(6) NOT NULL,"
              + " ethnicity VARCHAR(2) NOT NULL,"
              + " nationality VARCHAR(2) NOT NULL,"
              + " permanent_address VARCHAR(300) NOT NULL,"
              + " permanent_commune VARCHAR(5) NOT NULL,"
              + " current_address VARCHAR(300),"
              + " phone VARCHAR(10),"
              + " household_head_id VARCHAR(12),"
              + " record_no VARCHAR(40) NOT NULL)");
    }
  }

  private static void insert(Connection connection, List<Citizen> citizens) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO citizen VALUES (?, ?, ?, ?, ?, 'VN', ?, ?, ?, ?, ?, ?)")) {
      for (Citizen c : citizens) {
        insert.setString(1, c.personalId());
        insert.setString(2, c.fullName());
        insert.setDate(3, Date.valueOf(c.birthDate()));
        insert.setString(4, c.sex());
        insert.setString(5, c.ethnicity());
        insert.setString(6, c.permanentAddress());
        insert.setString(7, c.permanentCommune());
        setNullable(insert, 8, c.currentAddress());
        setNullable(insert, 9, c.phone());
        setNullable(insert, 10, c.householdHeadId());
        insert.setString(11, "CSDLQGDC/" + c.personalId().substring(0, 3) + "-SYN");
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void setNullable(PreparedStatement statement, int index, @Nullable String value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  /** The demo's people, as in {@link InMemoryPopulationRegistry}, with commune codes added. */
  private static List<Citizen> fixedPeople() {
    String hoaPhu = "Thôn 3, Xã Hòa Phú, Tỉnh Đắk Lắk";
    return List.of(
        new Citizen(
            InMemoryPopulationRegistry.MOTHER_ID,
            nfc("Nguyễn Thị Hường"),
            LocalDate.of(1992, 4, 17),
            "female",
            "01",
            nfc(hoaPhu),
            MOTHER_OLD_COMMUNE,
            nfc(hoaPhu),
            "0912345678",
            InMemoryPopulationRegistry.FATHER_ID),
        new Citizen(
            InMemoryPopulationRegistry.FATHER_ID,
            nfc("Trần Văn Đức"),
            LocalDate.of(1990, 9, 2),
            "male",
            "01",
            nfc(hoaPhu),
            "24175",
            nfc(hoaPhu),
            null,
            InMemoryPopulationRegistry.FATHER_ID),
        new Citizen(
            APPLICANT_ID,
            nfc("Lê Ngọc Ánh"),
            LocalDate.of(2000, 1, 15),
            "female",
            "01",
            nfc("Phường Bến Thành, Thành phố Hồ Chí Minh"),
            "26743",
            nfc("Số 12 đường Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh"),
            "0903123456",
            APPLICANT_ID));
  }

  private static List<Citizen> generate(int size, long seed) {
    Random random = new Random(seed);
    AdministrativeUnits units = AdministrativeUnits.builtIn();
    List<AdminUnit> current = new ArrayList<>();
    units.provinces().forEach(p -> current.addAll(units.communes(p.code())));
    List<AdminUnitConversion> exact = new ArrayList<>();
    List<AdminUnitConversion> ambiguous = new ArrayList<>();
    oldCommunes(units, exact, ambiguous);
    Set<String> ids = new HashSet<>(Set.of(InMemoryPopulationRegistry.MOTHER_ID));
    ids.add(InMemoryPopulationRegistry.FATHER_ID);
    ids.add(APPLICANT_ID);
    List<Citizen> citizens = new ArrayList<>(size);
    LocalDate first = LocalDate.of(1945, 1, 1);
    int days = (int) (LocalDate.of(2008, 12, 31).toEpochDay() - first.toEpochDay());
    while (citizens.size() < size) {
      boolean male = random.nextBoolean();
      LocalDate born = first.plusDays(random.nextInt(days + 1));
      String id = personalId(random, born, male);
      if (!ids.add(id)) {
        continue;
      }
      String name =
          pick(random, FAMILY_NAMES)
              + " "
              + pick(random, male ? MALE_MIDDLE : FEMALE_MIDDLE)
              + " "
              + pick(random, male ? MALE_GIVEN : FEMALE_GIVEN);
      String commune;
      String address;
      int house = 1 + random.nextInt(199);
      if (random.nextInt(100) < 20) {
        AdminUnitConversion old =
            random.nextInt(10) == 0 ? pick(random, ambiguous) : pick(random, exact);
        commune = old.oldCode();
        address = "Thôn " + (1 + random.nextInt(12)) + ", " + old.oldName().orElseThrow();
      } else {
        AdminUnit unit = pick(random, current);
        commune = unit.code();
        String province = units.province(unit.provinceCode()).map(AdminUnit::name).orElse("");
        address = "Số " + house + ", " + unit.name() + ", " + province;
      }
      citizens.add(
          new Citizen(
              id,
              nfc(name),
              born,
              male ? "male" : "female",
              random.nextInt(100) < 85 ? "01" : pick(random, OTHER_ETHNICITIES),
              nfc(address),
              commune,
              random.nextInt(100) < 70 ? nfc(address) : null,
              random.nextInt(100) < 60
                  ? String.format(Locale.ROOT, "09%08d", random.nextInt(100_000_000))
                  : null,
              null));
    }
    return citizens;
  }

  /**
   * Collects the commune codes of 30 June 2025 that are not current codes: those that convert to
   * one other current commune, and those that were split.
   */
  private static void oldCommunes(
      AdministrativeUnits units,
      List<AdminUnitConversion> exact,
      List<AdminUnitConversion> ambiguous) {
    for (int n = 1; n < 100_000; n++) {
      String code = String.format(Locale.ROOT, "%05d", n);
      if (units.commune(code).isPresent()) {
        continue;
      }
      AdminUnitConversion conversion = units.current(code);
      if (conversion.status() == AdminUnitConversion.Status.EXACT) {
        exact.add(conversion);
      } else if (conversion.status() == AdminUnitConversion.Status.AMBIGUOUS) {
        ambiguous.add(conversion);
      }
    }
  }

  /** {@code PPP G YY NNNNNN}: province of birth registration, sex and century, year, random. */
  private static String personalId(Random random, LocalDate born, boolean male) {
    int century = born.getYear() / 100 - 19;
    int sexCentury = century * 2 + (male ? 0 : 1);
    return pick(random, ID_PROVINCES)
        + sexCentury
        + String.format(Locale.ROOT, "%02d", born.getYear() % 100)
        + String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
  }

  private static <T> T pick(Random random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static String nfc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }
}
