package dev.onceform.core.validation;

import static java.util.Objects.requireNonNull;

import dev.onceform.core.internal.ProblemMessages;
import dev.onceform.schema.OnceFormException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The texts of validation problems, per problem code and language: OnceForm's built-in Vietnamese
 * and English messages, with any of them overridden by an agency. Pass it to {@code
 * FormEngine.builder().messages(...)}.
 *
 * <pre>{@code
 * ValidationMessages messages = ValidationMessages.builtIn()
 *     .withOverrides(Locale.forLanguageTag("vi"), Map.of("required", "Vui lòng nhập “{0}”."))
 *     .withBundle("gov.example.messages", MyApp.class.getClassLoader());
 * }</pre>
 *
 * <p>A text is a {@link MessageFormat} pattern: {@code {0}} is the field's label, {@code {1}} a
 * limit, a code-list name or a keyword (see docs/validation.md); write an apostrophe as {@code ''}.
 * A code that is not overridden keeps its built-in text. Only the codes of {@link #codes()} can be
 * overridden (a misspelt code is an error, not a silently ignored text); the messages of a form's
 * own {@code x-rules} come from the form.
 *
 * <p>Immutable and thread-safe.
 */
public final class ValidationMessages {
  private static final Locale VI = Locale.forLanguageTag("vi");

  private final Map<String, String> vi;
  private final Map<String, String> en;

  private ValidationMessages(Map<String, String> vi, Map<String, String> en) {
    this.vi = Map.copyOf(vi);
    this.en = Map.copyOf(en);
  }

  /** Returns OnceForm's built-in messages. */
  public static ValidationMessages builtIn() {
    var bundled = ProblemMessages.bundled().messages();
    return new ValidationMessages(bundled.patterns(VI), bundled.patterns(Locale.ENGLISH));
  }

  /** Returns the problem codes that have a message (the same in both languages). */
  public Set<String> codes() {
    return new TreeSet<>(vi.keySet());
  }

  /**
   * Returns every pattern of one language, by problem code.
   *
   * @param language {@code vi} or {@code en} (any locale of that language)
   * @return an unmodifiable map from code to {@link MessageFormat} pattern
   * @throws IllegalArgumentException if the language is neither Vietnamese nor English
   */
  public Map<String, String> patterns(Locale language) {
    return isEnglish(language) ? en : vi;
  }

  /**
   * Returns these messages with some texts of one language replaced.
   *
   * @param language {@code vi} or {@code en}
   * @param patterns code to {@link MessageFormat} pattern
   * @throws IllegalArgumentException if the language is neither Vietnamese nor English
   * @throws OnceFormException {@code OF-VALID-150} if a code has no built-in message, {@code
   *     OF-VALID-151} if a pattern is not a valid {@link MessageFormat} pattern
   */
  public ValidationMessages withOverrides(Locale language, Map<String, String> patterns) {
    requireNonNull(patterns, "patterns");
    Map<String, String> replaced = new HashMap<>(patterns(language));
    patterns.forEach(
        (code, pattern) -> {
          requireNonNull(code, "code");
          requireNonNull(pattern, "pattern of " + code);
          if (!replaced.containsKey(code)) {
            throw new OnceFormException(
                "OF-VALID-150",
                "cannot override the message of '"
                    + code
                    + "': no such problem code; use one of "
                    + codes());
          }
          check(code, pattern, language);
          replaced.put(code, pattern);
        });
    return isEnglish(language)
        ? new ValidationMessages(vi, replaced)
        : new ValidationMessages(replaced, en);
  }

  /**
   * Returns these messages with the texts of a UTF-8 properties file (code = pattern) in one
   * language replaced; see {@link #withOverrides(Locale, Map)}.
   *
   * @throws OnceFormException {@code OF-VALID-151} if the file cannot be read, and as {@link
   *     #withOverrides(Locale, Map)}
   */
  public ValidationMessages withOverrides(Locale language, Path propertiesFile) {
    requireNonNull(propertiesFile, "propertiesFile");
    try (InputStream in = Files.newInputStream(propertiesFile)) {
      return withOverrides(language, read(in));
    } catch (IOException e) {
      throw new OnceFormException(
          "OF-VALID-151",
          "cannot read message file " + propertiesFile + ": " + e + "; check the path",
          e);
    }
  }

  /**
   * Returns these messages with the texts of a resource bundle replaced: {@code
   * <baseName>_vi.properties} for Vietnamese, and {@code <baseName>_en.properties} (or else {@code
   * <baseName>.properties}) for English, found with {@code loader}, read as UTF-8. Either language
   * may be missing, not both. The base name is written like a {@link java.util.ResourceBundle}'s,
   * e.g. {@code gov.example.validation}. The JVM's default locale plays no part.
   *
   * @throws OnceFormException {@code OF-VALID-151} if no file of the bundle is found, and as {@link
   *     #withOverrides(Locale, Map)}
   */
  public ValidationMessages withBundle(String baseName, ClassLoader loader) {
    requireNonNull(baseName, "baseName");
    requireNonNull(loader, "loader");
    String path = baseName.replace('.', '/');
    Optional<Map<String, String>> viTexts = resource(loader, path + "_vi.properties");
    Optional<Map<String, String>> enTexts =
        resource(loader, path + "_en.properties").or(() -> resource(loader, path + ".properties"));
    if (viTexts.isEmpty() && enTexts.isEmpty()) {
      throw new OnceFormException(
          "OF-VALID-151",
          "message bundle '"
              + baseName
              + "' not found: neither "
              + path
              + "_vi.properties nor "
              + path
              + "(_en).properties is on the class path of the given loader");
    }
    ValidationMessages result = this;
    if (viTexts.isPresent()) {
      result = result.withOverrides(VI, viTexts.get());
    }
    if (enTexts.isPresent()) {
      result = result.withOverrides(Locale.ENGLISH, enTexts.get());
    }
    return result;
  }

  private static boolean isEnglish(Locale language) {
    String tag = requireNonNull(language, "language").getLanguage();
    if ("en".equals(tag)) {
      return true;
    }
    if ("vi".equals(tag)) {
      return false;
    }
    throw new IllegalArgumentException(
        "language must be vi or en, but was '" + language.toLanguageTag() + "'");
  }

  private static void check(String code, String pattern, Locale language) {
    try {
      new MessageFormat(pattern, language);
    } catch (IllegalArgumentException e) {
      throw new OnceFormException(
          "OF-VALID-151",
          "the "
              + language.getLanguage()
              + " message of '"
              + code
              + "' is not a valid MessageFormat pattern ("
              + e.getMessage()
              + "); use {0} for the label and write an apostrophe as ''",
          e);
    }
  }

  private static Optional<Map<String, String>> resource(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(name)) {
      return in == null ? Optional.empty() : Optional.of(read(in));
    } catch (IOException e) {
      throw new OnceFormException("OF-VALID-151", "cannot read message file " + name + ": " + e, e);
    }
  }

  private static Map<String, String> read(InputStream in) throws IOException {
    Properties properties = new Properties();
    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    Map<String, String> texts = new HashMap<>();
    properties.stringPropertyNames().forEach(k -> texts.put(k, properties.getProperty(k)));
    return texts;
  }
}
