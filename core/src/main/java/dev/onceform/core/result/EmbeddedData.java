package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

/**
 * JSON data embedded in an OnceForm PDF as an associated file, as given back by {@link
 * ResultDocuments#extract(byte[])}.
 *
 * @param fileName the attachment name, {@code result.json} or {@code submission.json}
 * @param json the JSON text, decoded from UTF-8
 * @param digest SHA-256 of the embedded bytes, unpadded base64url (what the QR code carries)
 */
public record EmbeddedData(String fileName, String json, String digest) {
  /** Checks that no component is null. */
  public EmbeddedData {
    requireNonNull(fileName, "fileName");
    requireNonNull(json, "json");
    requireNonNull(digest, "digest");
  }
}
