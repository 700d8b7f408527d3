package dev.onceform.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the files named on the command line, turning every failure into a one-line message. */
final class InputFiles {
  private InputFiles() {}

  /**
   * Opens a file to be read as a stream (so that a parser can stop at its limits without reading it
   * all); missing, unreadable, a directory or empty is a {@link UsageException}. The caller closes
   * the stream.
   */
  static InputStream open(Path file) {
    if (Files.isDirectory(file)) {
      throw new UsageException(file + ": is a directory, not a file");
    }
    try {
      if (Files.size(file) == 0) {
        throw new UsageException(file + ": the file is empty");
      }
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new UsageException(file + ": file not found");
    } catch (AccessDeniedException e) {
      throw new UsageException(file + ": permission denied");
    } catch (IOException e) {
      throw new UsageException(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /** Reads a whole file; missing, unreadable, a directory or empty is a {@link UsageException}. */
  static byte[] read(Path file) {
    if (Files.isDirectory(file)) {
      throw new UsageException(file + ": is a directory, not a file");
    }
    try {
      byte[] content = Files.readAllBytes(file);
      if (content.length == 0) {
        throw new UsageException(file + ": the file is empty");
      }
      return content;
    } catch (NoSuchFileException e) {
      throw new UsageException(file + ": file not found");
    } catch (AccessDeniedException e) {
      throw new UsageException(file + ": permission denied");
    } catch (IOException e) {
      throw new UsageException(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }
}
