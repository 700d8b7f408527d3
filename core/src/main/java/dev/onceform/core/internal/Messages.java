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

  private Messages(Map<String, String> vi, Map<String, String> en) {
    this.vi = vi;
    this.en = en;
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
        new MessageFormat(pattern(vi, key), VI).format(viArgs),
        new MessageFormat(pattern(en, key), Locale.ENGLISH).format(enArgs));
  }

  private static String pattern(Map<String, String> texts, String key) {
    String pattern = texts.get(key);
    if (pattern == null) {
      throw new IllegalStateException("message key '" + key + "' is missing from the bundle");
    }
    return pattern;
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
