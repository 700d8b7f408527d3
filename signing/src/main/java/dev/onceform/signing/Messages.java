package dev.onceform.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * The Vietnamese and English texts of verification reasons, from {@code messages.properties}
 * (English, the base) and {@code messages_vi.properties}, both UTF-8, in this package.
 *
 * <p>Each bundle is opened by its exact file name, so there is no fallback between languages and
 * the JVM's default locale plays no part. ({@code ResourceBundle.getBundle} with {@code
 * Control.getNoFallbackControl} would do the same on the class path, but throws {@code
 * UnsupportedOperationException} when called from a named module, which this is.)
 */
final class Messages {

  static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  private final ResourceBundle english;
  private final ResourceBundle vietnamese;

  private Messages(ResourceBundle english, ResourceBundle vietnamese) {
    this.english = english;
    this.vietnamese = vietnamese;
  }

  static Messages load() {
    return new Messages(bundle(Locale.ROOT), bundle(VIETNAMESE));
  }

  /** Loads the bundle for {@link Locale#ROOT} (English) or Vietnamese, without fallback. */
  static ResourceBundle bundle(Locale locale) {
    String name;
    if (locale.equals(Locale.ROOT)) {
      name = "messages.properties";
    } else if (locale.equals(VIETNAMESE)) {
      name = "messages_vi.properties";
    } else {
      throw new IllegalArgumentException("locale must be ROOT or vi, but was " + locale);
    }
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the signing module");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder())) {
        return new PropertyResourceBundle(reader);
      }
    } catch (IOException e) {
      throw new IllegalStateException("resource " + name + " cannot be read as UTF-8", e);
    }
  }

  LocalizedReason reason(String key, List<String> args) {
    Object[] arguments = args.toArray();
    String vi = new MessageFormat(vietnamese.getString(key), VIETNAMESE).format(arguments);
    String en = new MessageFormat(english.getString(key), Locale.ROOT).format(arguments);
    return new LocalizedReason(key, vi, en);
  }
}
