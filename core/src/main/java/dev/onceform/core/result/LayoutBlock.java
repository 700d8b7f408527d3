package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

import dev.onceform.schema.LocalizedText;
import java.util.List;
import java.util.Optional;

/**
 * One block of a result's layout, drawn top to bottom below the national header and the title: a
 * {@link Section}, a {@link Table} or a {@link Signature}.
 */
public sealed interface LayoutBlock {

  /**
   * A group of fields drawn as {@code label: value} lines.
   *
   * @param title the section heading, if any
   * @param fields the ids of the fields, in drawing order
   */
  record Section(Optional<LocalizedText> title, List<String> fields) implements LayoutBlock {
    /** Checks and copies the parts. */
    public Section {
      requireNonNull(title, "title");
      fields = List.copyOf(fields);
    }
  }

  /**
   * A table with one row per element of an array of the submission; its rows appear in the result's
   * data under the table's id.
   *
   * @param id the table id, unique among the template's field and table ids
   * @param title the heading, if any
   * @param rows the JSON Pointer of the array in the submission, e.g. {@code /members}
   * @param columns the columns, left to right
   */
  record Table(String id, Optional<LocalizedText> title, String rows, List<Column> columns)
      implements LayoutBlock {
    /** Checks and copies the parts. */
    public Table {
      requireNonNull(id, "id");
      requireNonNull(title, "title");
      requireNonNull(rows, "rows");
      columns = List.copyOf(columns);
    }
  }

  /**
   * A table column.
   *
   * @param id the column id, the member name in each row of the result's data
   * @param label the column heading
   * @param pointer the JSON Pointer of the value relative to a row, e.g. {@code /fullName}
   * @param format how a renderer shows the value
   */
  record Column(String id, LocalizedText label, String pointer, ValueFormat format) {
    /** Checks the parts. */
    public Column {
      requireNonNull(id, "id");
      requireNonNull(label, "label");
      requireNonNull(pointer, "pointer");
      requireNonNull(format, "format");
    }
  }

  /**
   * The signature block, drawn at the right under the last section: the authority line, the
   * position, room for the signature and seal, and the signer's name.
   *
   * @param onBehalfOf the authority line, e.g. {@code TM. ỦY BAN NHÂN DÂN}, if any
   * @param position the signer's position, e.g. {@code CHỦ TỊCH}
   * @param signerRole the role a signing key must hold, e.g. {@code commune-chairperson}
   * @param signerName the id of the field holding the signer's name, if any
   */
  record Signature(
      Optional<LocalizedText> onBehalfOf,
      LocalizedText position,
      String signerRole,
      Optional<String> signerName)
      implements LayoutBlock {
    /** Checks the parts. */
    public Signature {
      requireNonNull(onBehalfOf, "onBehalfOf");
      requireNonNull(position, "position");
      requireNonNull(signerRole, "signerRole");
      requireNonNull(signerName, "signerName");
    }
  }
}
