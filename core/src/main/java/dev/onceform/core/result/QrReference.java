package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

import dev.onceform.schema.OnceFormException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verification reference a result's QR code carries: {@code OF1:<receipt>:<digest>}, where
 * {@code receipt} is the receipt number (printable ASCII without {@code :}, empty on a submission
 * that has none yet) and {@code digest} is the SHA-256 of the embedded JSON bytes in unpadded
 * base64url (43 characters).
 */
record QrReference(String receiptNumber, String digest) {
  static final String PREFIX = "OF1:";
  private static final Pattern RECEIPT = Pattern.compile("[\\x21-\\x39\\x3B-\\x7E]{0,64}");
  private static final Pattern FORMAT =
      Pattern.compile("OF1:([\\x21-\\x39\\x3B-\\x7E]{0,64}):([A-Za-z0-9_-]{43})");

  QrReference {
    requireNonNull(receiptNumber, "receiptNumber");
    requireNonNull(digest, "digest");
    if (!RECEIPT.matcher(receiptNumber).matches()) {
      throw new OnceFormException(
          "OF-PDF-105",
          String.format(
              Locale.ROOT,
              "receipt number '%s' cannot go into the QR code: use at most 64 printable ASCII"
                  + " characters other than ':'",
              receiptNumber));
    }
  }

  /** The reference for a receipt number and the JSON bytes a document embeds. */
  static QrReference of(String receiptNumber, byte[] json) {
    return new QrReference(receiptNumber, digest(json));
  }

  /** Parses a decoded QR text; empty when it is not an OnceForm reference. */
  static Optional<QrReference> parse(String text) {
    Matcher m = FORMAT.matcher(text);
    return m.matches() ? Optional.of(new QrReference(m.group(1), m.group(2))) : Optional.empty();
  }

  String encode() {
    return PREFIX + receiptNumber + ":" + digest;
  }

  /** SHA-256 of the bytes, unpadded base64url. */
  static String digest(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256().digest(bytes));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
