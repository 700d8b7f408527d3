package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where and how a visible signature is drawn: a rectangle on a page, the lines of text in it and
 * the TrueType font they are set in. Pass one to {@link PadesSigner.Builder#appearance}; without
 * it, signatures are invisible.
 *
 * <p>The rectangle is in PDF points (1/72 inch) in the page's default user space: origin at the
 * lower-left corner of the unrotated page. The text is black, left-aligned and top-down; lines
 * longer than the rectangle wrap at spaces, and the font size (at most 10 pt) shrinks until all
 * lines fit. The font is embedded as a subset with a {@code ToUnicode} map, so the text stays
 * searchable and copyable: Vietnamese needs a font with its letters (the PDF standard fonts have
 * none).
 *
 * <p>Without {@link Builder#lines}, the lines are the signer certificate's common name (CN), its
 * organisation (O) if any, and {@code "Thời gian ký: HH:mm:ss dd/MM/yyyy"} (the order Decree 30
 * uses) with the signing time in the {@link Builder#zone} (default {@code Asia/Ho_Chi_Minh}).
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * SignatureAppearance appearance = SignatureAppearance.builder()
 *     .page(0)
 *     .rectangle(350, 60, 200, 60)
 *     .font(Path.of("fonts/NotoSans-Regular.ttf"))
 *     .build();
 * }</pre>
 */
public final class SignatureAppearance {

  /** The default time zone of the signing time line. */
  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final int page;
  private final double x;
  private final double y;
  private final double width;
  private final double height;
  private final List<String> lines;
  private final byte[] font;
  private final ZoneId zone;

  private SignatureAppearance(Builder builder, byte[] font) {
    this.page = builder.page;
    this.x = builder.x;
    this.y = builder.y;
    this.width = builder.width;
    this.height = builder.height;
    this.lines = builder.lines;
    this.font = font;
    this.zone = builder.zone;
  }

  /**
   * Returns a new builder; {@link Builder#rectangle} and {@link Builder#font} are required.
   *
   * @return a builder for page 0 and the default lines
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the 0-based index of the page the signature is drawn on. */
  public int page() {
    return page;
  }

  /** Returns the x coordinate of the rectangle's lower-left corner, in points. */
  public double x() {
    return x;
  }

  /** Returns the y coordinate of the rectangle's lower-left corner, in points. */
  public double y() {
    return y;
  }

  /** Returns the rectangle's width in points. */
  public double width() {
    return width;
  }

  /** Returns the rectangle's height in points. */
  public double height() {
    return height;
  }

  /** Returns the lines of text; empty means the default lines from the signer certificate. */
  public List<String> lines() {
    return lines;
  }

  /** Returns the time zone of the signing time in the default lines. */
  public ZoneId zone() {
    return zone;
  }

  /** The TrueType font bytes, not copied: the writer only reads them. */
  byte[] fontBytes() {
    return font;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "SignatureAppearance[page=%d, rectangle=[%s %s %s %s], lines=%d, font=%d bytes]",
        page,
        x,
        y,
        width,
        height,
        lines.size(),
        font.length);
  }

  /** Builds a {@link SignatureAppearance}; not thread-safe. */
  public static final class Builder {
    private int page;
    private double x;
    private double y;
    private double width;
    private double height;
    private List<String> lines = List.of();
    private byte @Nullable [] font;
    private ZoneId zone = VIETNAM;

    private Builder() {}

    /**
     * Sets the page the signature is drawn on; the default is the first page. Whether the page
     * exists is checked when signing ({@code OF-SIGN-208}).
     *
     * @param index the 0-based page index
     * @return this builder
     */
    public Builder page(int index) {
      if (index < 0) {
        throw new IllegalArgumentException("page must be 0 or more, but was " + index);
      }
      this.page = index;
      return this;
    }

    /**
     * Sets the rectangle (required), in points from the page's lower-left corner. Whether it lies
     * on the page is checked when signing ({@code OF-SIGN-209}).
     *
     * @param x the left edge
     * @param y the bottom edge
     * @param width the width, more than 0
     * @param height the height, more than 0
     * @return this builder
     */
    public Builder rectangle(double x, double y, double width, double height) {
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "x and y must be finite, but were %s and %s", x, y));
      }
      if (!(width > 0) || !(height > 0) || Double.isInfinite(width) || Double.isInfinite(height)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "width and height must be positive, but were %s and %s",
                width,
                height));
      }
      this.x = x;
      this.y = y;
      this.width = width;
      this.height = height;
      return this;
    }

    /**
     * Sets the lines of text, replacing the default lines from the signer certificate.
     *
     * @param lines one or more lines, none blank
     * @return this builder
     */
    public Builder lines(List<String> lines) {
      List<String> copy = List.copyOf(lines);
      if (copy.isEmpty()) {
        throw new IllegalArgumentException(
            "lines must not be empty; leave them unset for defaults");
      }
      for (int i = 0; i < copy.size(); i++) {
        if (copy.get(i).isBlank() || copy.get(i).contains("\n") || copy.get(i).contains("\r")) {
          throw new IllegalArgumentException(
              "lines must not be blank or contain line breaks, but line "
                  + i
                  + " was '"
                  + copy.get(i)
                  + "'");
        }
      }
      this.lines = copy;
      return this;
    }

    /**
     * Sets the TrueType font (required) from its bytes.
     *
     * @param trueType the bytes of a {@code .ttf} file; copied
     * @return this builder
     * @throws SigningException {@code OF-SIGN-210} if the bytes are not a usable TrueType font
     */
    public Builder font(byte[] trueType) {
      byte[] copy = requireNonNull(trueType, "trueType").clone();
      AppearanceFont.requireReadable(copy, "the given bytes");
      this.font = copy;
      return this;
    }

    /**
     * Sets the TrueType font (required) from a file.
     *
     * @param trueType a {@code .ttf} file
     * @return this builder
     * @throws SigningException {@code OF-SIGN-210} if the file cannot be read or is not a usable
     *     TrueType font
     */
    public Builder font(Path trueType) {
      requireNonNull(trueType, "trueType");
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(trueType);
      } catch (IOException e) {
        throw SigningException.of(
            e,
            SigningException.APPEARANCE_FONT,
            "the font file '%s' cannot be read: %s; pass a readable .ttf file",
            trueType,
            e.getMessage());
      }
      AppearanceFont.requireReadable(bytes, "'" + trueType + "'");
      this.font = bytes;
      return this;
    }

    /**
     * Sets the time zone of the signing time in the default lines; the default is {@link #VIETNAM}.
     *
     * @param zone the time zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Builds the appearance.
     *
     * @return an immutable appearance
     * @throws IllegalStateException if the rectangle or the font was not set
     */
    public SignatureAppearance build() {
      byte[] chosen = font;
      if (chosen == null) {
        throw new IllegalStateException(
            "a font is required for the Vietnamese text; call font(Path) with a .ttf file");
      }
      if (width == 0) {
        throw new IllegalStateException(
            "a rectangle is required; call rectangle(x, y, width, height) in points");
      }
      return new SignatureAppearance(this, chosen);
    }
  }
}
