package dev.onceform.core.result;

/**
 * Where a result's signature goes: the empty room in the template's signature block, between the
 * signer's position (e.g. "CHỦ TỊCH") and the signer's name, in which a paper result carries the
 * signature and seal. Pass it to a visible signature, e.g. {@code
 * SignatureAppearance.builder().page(area.page()).rectangle(area.x(), area.y(), area.width(),
 * area.height())}.
 *
 * <p>Coordinates are PDF user-space points (1/72 inch) with the origin at the lower-left corner of
 * the page, as PDF rectangles are.
 *
 * @param page the page index, from 0
 * @param x the left edge
 * @param y the bottom edge
 * @param width the width, greater than 0
 * @param height the height, greater than 0
 */
public record SignatureArea(int page, float x, float y, float width, float height) {
  /** Checks the values. */
  public SignatureArea {
    if (page < 0) {
      throw new IllegalArgumentException("page must be 0 or more, but was " + page);
    }
    if (!Float.isFinite(x) || !Float.isFinite(y)) {
      throw new IllegalArgumentException("x and y must be finite, but were " + x + " and " + y);
    }
    if (!(width > 0) || !(height > 0) || !Float.isFinite(width) || !Float.isFinite(height)) {
      throw new IllegalArgumentException(
          "width and height must be finite and greater than 0, but were "
              + width
              + " and "
              + height);
    }
  }
}
