package dev.onceform.core.internal;

import dev.onceform.schema.LocalizedText;
import dev.onceform.schema.OnceFormException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * User-facing texts in Vietnamese and English from two UTF-8 properties files, read explicitly (no
 * {@link java.util.ResourceBundle} fallback through the JVM's default locale, and none of its
 * restrictions on named modules).
 */
public final class Messages {
  private static final Locale VI = Locale.forLanguageTag("vi");

  private final Map<String, String> vi;
  private final Map<String, String> en;

  /**
   * The patterns parsed once (parsing is most of the cost of a message); each use formats with a
   * clone, as a {@link MessageFormat} is not thread-safe.
   */
  private final Map<String, MessageFormat> viFormats;

  private final Map<String, MessageFormat> enFormats;

  private Messages(Map<String, String> vi, Map<String, String> en) {
    this.vi = vi;
    this.en = en;
    this.viFormats = parse(vi, VI);
    this.enFormats = parse(en, Locale.ENGLISH);
  }

  private static Map<String, MessageFormat> parse(Map<String, String> patterns, Locale locale) {
    Map<String, MessageFormat> formats = new java.util.HashMap<>();
    patterns.forEach((key, pattern) -> formats.put(key, new MessageFormat(pattern, locale)));
    return Map.copyOf(formats);
  }

  /**
   * Loads {@code <baseName>_vi.properties} and {@code <baseName>.properties} (English) next to a
   * class.
   */
  public static Messages load(Class<?> anchor, String baseName) {
    return new Messages(
        read(anchor, baseName + "_vi.properties"), read(anchor, baseName + ".properties"));
  }

  /**
   * Returns texts from two maps of {@link MessageFormat} patterns (key to pattern), Vietnamese and
   * English; both are copied.
   */
  public static Messages of(Map<String, String> vi, Map<String, String> en) {
    return new Messages(Map.copyOf(vi), Map.copyOf(en));
  }

  /** Returns every pattern of one language ({@code vi}, or {@code en} for English), by key. */
  public Map<String, String> patterns(Locale locale) {
    return "en".equals(locale.getLanguage()) ? en : vi;
  }

  /** Returns the keys of the Vietnamese and the English file, for the bundles-match test. */
  public Set<String> keys(Locale locale) {
    return "en".equals(locale.getLanguage()) ? en.keySet() : vi.keySet();
  }

  /** Returns whether a key exists (in both languages). */
  public boolean has(String key) {
    return vi.containsKey(key) && en.containsKey(key);
  }

  /**
   * Formats a message in both languages.
   *
   * @param key the message key; it must exist
   * @param viArgs arguments for the Vietnamese text
   * @param enArgs arguments for the English text
   */
  public LocalizedText text(String key, Object[] viArgs, Object[] enArgs) {
    return LocalizedText.of(
        format(viFormats, key).format(viArgs), format(enFormats, key).format(enArgs));
  }

  private static MessageFormat format(Map<String, MessageFormat> formats, String key) {
    MessageFormat format = formats.get(key);
    if (format == null) {
      throw new IllegalStateException("message key '" + key + "' is missing from the bundle");
    }
    return (MessageFormat) format.clone();
  }

  private static Map<String, String> read(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new OnceFormException("OF-CORE-101", "message file " + resource + " is missing");
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> texts = new java.util.HashMap<>();
      properties.stringPropertyNames().forEach(k -> texts.put(k, properties.getProperty(k)));
      return Map.copyOf(texts);
    } catch (IOException e) {
      throw new OnceFormException("OF-CORE-101", "cannot read message file " + resource, e);
    }
  }
}
