package dev.onceform.cli;

import dev.onceform.signing.SignerKeys;
import dev.onceform.signing.spi.SignerKey;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of the commands that sign: a PKCS#12 key file, the environment variable that holds
 * its password (never the password itself, which would end up in the shell history and in {@code
 * ps}) and an optional alias.
 */
final class KeyOptions {
  /** A POSIX environment variable name; anything else is more likely the password itself. */
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @Option(
      names = "--key",
      required = true,
      paramLabel = "KEY.p12",
      description = "The PKCS#12 file (.p12/.pfx) with the signer's private key and certificates.")
  Path key = Path.of("");

  @Option(
      names = "--password-env",
      required = true,
      paramLabel = "VAR",
      description =
          "The name of the environment variable that holds the key file's password, e.g."
              + " ONCEFORM_KEY_PASSWORD (the password is never given on the command line).")
  String passwordEnv = "";

  @Option(
      names = "--alias",
      paramLabel = "ALIAS",
      description = "The alias of the key to sign with, if the file holds several.")
  @Nullable String alias;

  /**
   * Loads the key, reading its password from the environment.
   *
   * @throws UsageException if the variable is not set
   * @throws dev.onceform.signing.SigningException if the file is missing, not PKCS#12, or the
   *     password or alias is wrong
   */
  SignerKey load(Map<String, String> env) {
    if (!VARIABLE_NAME.matcher(passwordEnv).matches()) {
      // Never echo the value: it may be the password, given by mistake.
      throw new UsageException(
          "--password-env takes the name of an environment variable (letters, digits, _), not"
              + " the password; e.g. --password-env ONCEFORM_KEY_PASSWORD");
    }
    String value = env.get(passwordEnv);
    if (value == null) {
      throw new UsageException(
          "the environment variable "
              + passwordEnv
              + " (--password-env) is not set; set it to the password of "
              + key
              + ", e.g. read -rs "
              + passwordEnv
              + " && export "
              + passwordEnv);
    }
    char[] password = value.toCharArray();
    try {
      return alias == null
          ? SignerKeys.pkcs12(key, password)
          : SignerKeys.pkcs12(key, password, alias);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** The signer certificate's subject, for the line a signing command prints. */
  static String subject(SignerKey key) {
    return key.certificate().getSubjectX500Principal().getName();
  }
}
