package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What became of a commune of 30 June 2025 in the reform of 1 July 2025, from the GSO conversion
 * table (see {@link AdministrativeUnits#current(String)}).
 *
 * <p>The answer is one of three {@link Status statuses}:
 *
 * <ul>
 *   <li>{@link Status#EXACT EXACT}: the old commune went whole into one new commune, or it was
 *       split but all of its residents went to one new commune (kind {@link
 *       Kind#AREA_PART_POPULATION_WHOLE}); {@link #target()} is that commune. For a <em>place</em>
 *       rather than a resident (a land parcel in a split commune) the location still decides among
 *       the {@link #successors()}.
 *   <li>{@link Status#AMBIGUOUS AMBIGUOUS}: the old commune was split across several new communes;
 *       the code alone cannot say which: the street or village (thôn, tổ dân phố) decides. Show
 *       {@link #successors()} to the user, or take the current address from the population
 *       database.
 *   <li>{@link Status#UNKNOWN UNKNOWN}: the code was not a commune on 30 June 2025, for instance a
 *       ward merged on 1 January 2025 (26935 Phường 14, Quận Bình Thạnh); convert it to its
 *       successor of 30 June 2025 first. No successors.
 * </ul>
 *
 * @param oldCode the commune code as given
 * @param oldName the old commune's name, empty when {@link Status#UNKNOWN}
 * @param status whether the successor is known
 * @param successors the new communes that took part of the old one, in the table's order, with what
 *     each took; empty when {@link Status#UNKNOWN}
 */
public record AdminUnitConversion(
    String oldCode, Optional<String> oldName, Status status, List<Successor> successors) {

  /** Checks that the status agrees with the successors. */
  public AdminUnitConversion {
    requireNonNull(oldCode, "oldCode");
    requireNonNull(oldName, "oldName");
    requireNonNull(status, "status");
    successors = List.copyOf(successors);
    boolean known = !successors.isEmpty();
    if (known == (status == Status.UNKNOWN) || known != oldName.isPresent()) {
      throw new IllegalArgumentException(
          "status " + status + " of " + oldCode + " disagrees with its name or successors");
    }
    if (status != Status.UNKNOWN
        && (residentTarget(successors).isPresent() != (status == Status.EXACT))) {
      throw new IllegalArgumentException(
          "status " + status + " of " + oldCode + " disagrees with its successors' kinds");
    }
  }

  /** Whether an old code converts to one new commune. */
  public enum Status {
    /** One new commune for the old commune's residents: {@link #target()}. */
    EXACT,
    /** Several new communes took residents; the street or village decides. */
    AMBIGUOUS,
    /** The code was not a commune on 30 June 2025. */
    UNKNOWN
  }

  /** What a new commune took of the old one, as the GSO table's note says. */
  public enum Kind {
    /** Nhập toàn bộ, giữ nguyên, đổi tên, đổi loại hình: the whole old commune. */
    WHOLE("whole"),
    /** Nhập một phần: part of the area and of the population. */
    PART("part"),
    /** Nhập một phần diện tích: part of the area, none or little of the population. */
    AREA_PART("area-part"),
    /** Nhập một phần diện tích, toàn bộ dân số: part of the area but all residents. */
    AREA_PART_POPULATION_WHOLE("area-part-population-whole"),
    /** Nhập một phần dân số: part of the population (the area went elsewhere). */
    POPULATION_PART("population-part"),
    /** Nhập toàn bộ diện tích: the whole area, but some residents went elsewhere. */
    AREA_WHOLE("area-whole");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** Returns the id used in the bundled data, such as {@code "area-part"}. */
    public String id() {
      return id;
    }

    static Kind ofId(String id) {
      for (Kind kind : values()) {
        if (kind.id.equals(id)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown conversion kind '" + id + "'");
    }
  }

  /**
   * A new commune that took (part of) an old one.
   *
   * @param unit the new commune, as it is named now
   * @param kind what it took
   */
  public record Successor(AdminUnit unit, Kind kind) {
    /** Checks the parts. */
    public Successor {
      requireNonNull(unit, "unit");
      requireNonNull(kind, "kind");
    }
  }

  /**
   * Returns the new commune of the old commune's residents when the status is {@link Status#EXACT}:
   * the only successor, or the one that took all residents.
   *
   * @return the new commune, or empty when the status is {@link Status#AMBIGUOUS} or {@link
   *     Status#UNKNOWN}
   */
  public Optional<AdminUnit> target() {
    return residentTarget(successors);
  }

  private static Optional<AdminUnit> residentTarget(List<Successor> successors) {
    if (successors.size() == 1) {
      return Optional.of(successors.get(0).unit());
    }
    List<Successor> all =
        successors.stream().filter(s -> s.kind() == Kind.AREA_PART_POPULATION_WHOLE).toList();
    return all.size() == 1 ? Optional.of(all.get(0).unit()) : Optional.empty();
  }
}
