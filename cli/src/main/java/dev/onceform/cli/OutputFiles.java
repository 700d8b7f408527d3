package dev.onceform.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the files a command produces completely or not at all: each goes to a temporary file in
 * its target's directory first, and only when every one is written are they moved into place, each
 * with an atomic rename. A failure is a {@link UsageException} naming the file.
 */
final class OutputFiles {
  private final Map<Path, byte[]> files = new LinkedHashMap<>();

  /** Adds a file to write; a second file with the same path is a usage error. */
  OutputFiles add(Path target, byte[] content) {
    Path absolute = target.toAbsolutePath().normalize();
    if (files.containsKey(absolute)) {
      throw new UsageException(target + ": given twice as an output file");
    }
    files.put(absolute, content);
    return this;
  }

  /** Writes every file added, creating missing directories. */
  void write() {
    List<Path[]> moves = new ArrayList<>();
    try {
      for (Map.Entry<Path, byte[]> file : files.entrySet()) {
        Path target = file.getKey();
        if (Files.isDirectory(target)) {
          throw new UsageException(target + ": is a directory, not a file");
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        moves.add(new Path[] {temp, target});
        Files.write(temp, file.getValue());
      }
      for (Path[] move : moves) {
        Files.move(
            move[0], move[1], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (AccessDeniedException e) {
      throw new UsageException(e.getFile() + ": permission denied");
    } catch (IOException e) {
      throw new UsageException("cannot write the output: " + e.getMessage());
    } finally {
      for (Path[] move : moves) {
        try {
          Files.deleteIfExists(move[0]);
        } catch (IOException e) {
          // best effort: a temporary file left behind is named .<target>*.tmp
        }
      }
    }
  }
}
