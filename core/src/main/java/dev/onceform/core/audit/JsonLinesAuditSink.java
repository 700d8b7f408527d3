package dev.onceform.core.audit;

import dev.onceform.schema.OnceFormException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Appends events to a hash-chained JSON Lines file (see {@link AuditSinks#jsonLines(Path,
 * FsyncPolicy)}). One lock serialises the writers; the file is held with an exclusive file lock so
 * that no second sink, in this JVM or another process, forks the chain.
 *
 * <p>Writes go through {@link RandomAccessFile}, not a {@code FileChannel}, because a channel is
 * closed for good when a thread writing to it is interrupted, and prefills do get interrupted.
 */
final class JsonLinesAuditSink implements CloseableAuditSink {
  private static final int TAIL_CHUNK = 8192;

  private final Path path;
  private final FsyncPolicy fsync;
  private final RandomAccessFile file;
  private final FileLock fileLock;
  private final ReentrantLock lock = new ReentrantLock();
  private long seq;
  private String prev;
  private boolean closed;
  private @Nullable String broken;

  private JsonLinesAuditSink(
      Path path, FsyncPolicy fsync, RandomAccessFile file, FileLock fileLock, Tail tail) {
    this.path = path;
    this.fsync = fsync;
    this.file = file;
    this.fileLock = fileLock;
    this.seq = tail.seq();
    this.prev = tail.hash();
  }

  /** Opens or creates the log and reads the last line to continue the chain. */
  static JsonLinesAuditSink open(Path path, FsyncPolicy fsync) {
    RandomAccessFile file;
    try {
      file = new RandomAccessFile(path.toFile(), "rw");
    } catch (IOException e) {
      throw ioFailure(path, "cannot be opened for writing", e);
    }
    try {
      FileLock fileLock = lock(path, file);
      return new JsonLinesAuditSink(path, fsync, file, fileLock, tail(path, file));
    } catch (RuntimeException e) {
      closeQuietly(file, e);
      throw e;
    }
  }

  private static FileLock lock(Path path, RandomAccessFile file) {
    FileLock fileLock;
    try {
      fileLock = file.getChannel().tryLock();
    } catch (OverlappingFileLockException e) {
      fileLock = null;
    } catch (IOException e) {
      throw ioFailure(path, "cannot be locked", e);
    }
    if (fileLock == null) {
      throw new OnceFormException(
          "OF-AUDIT-103",
          "audit log "
              + path
              + " is already open by another sink, in this process or another; open each log file"
              + " once and share the sink");
    }
    return fileLock;
  }

  /** The last line's sequence number and hash, or 0 and the genesis hash for an empty file. */
  private record Tail(long seq, String hash) {}

  private static Tail tail(Path path, RandomAccessFile file) {
    try {
      long size = file.length();
      if (size == 0) {
        return new Tail(0, ChainFormat.GENESIS);
      }
      file.seek(size - 1);
      if (file.read() != '\n') {
        throw cannotContinue(path, "its last line is incomplete (a torn write?)");
      }
      String line = lastLine(file, size - 1);
      ChainFormat.Parsed parsed = ChainFormat.parse(line);
      if (!parsed.intact()) {
        throw cannotContinue(path, "its last line does not match its hash (altered?)");
      }
      return new Tail(parsed.seq(), parsed.hash());
    } catch (ChainFormat.Malformed e) {
      throw cannotContinue(path, "its last line is malformed: " + e.detail());
    } catch (IOException e) {
      throw ioFailure(path, "cannot be read", e);
    }
  }

  /** Reads the line that ends just before {@code end} (the position of its newline). */
  private static String lastLine(RandomAccessFile file, long end) throws IOException {
    long start = end;
    byte[] chunk = new byte[TAIL_CHUNK];
    search:
    while (start > 0) {
      int length = (int) Math.min(TAIL_CHUNK, start);
      file.seek(start - length);
      file.readFully(chunk, 0, length);
      for (int i = length - 1; i >= 0; i--) {
        if (chunk[i] == '\n') {
          start = start - length + i + 1;
          break search;
        }
      }
      start -= length;
    }
    byte[] line = new byte[(int) (end - start)];
    file.seek(start);
    file.readFully(line);
    return ChainFormat.decode(line);
  }

  @Override
  public void record(AuditEvent event) {
    lock.lock();
    try {
      if (closed) {
        throw new OnceFormException(
            "OF-AUDIT-104", "audit log " + path + " is closed; open it again");
      }
      if (broken != null) {
        throw new OnceFormException(
            "OF-AUDIT-104",
            "audit log "
                + path
                + " stopped after a failed write ("
                + broken
                + "); run 'onceform audit verify "
                + path
                + "' and open it again");
      }
      String line = ChainFormat.line(event, seq + 1, prev);
      append(line);
      seq++;
      prev = line.substring(line.length() - 66, line.length() - 2);
    } finally {
      lock.unlock();
    }
  }

  private void append(String line) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(line.length() + 64);
    bytes.writeBytes(line.getBytes(StandardCharsets.UTF_8));
    bytes.write('\n');
    long end = -1;
    try {
      end = file.length();
      file.seek(end);
      file.write(bytes.toByteArray());
      if (fsync == FsyncPolicy.EVERY_LINE) {
        file.getFD().sync();
      }
    } catch (IOException e) {
      undo(end, e);
      throw ioFailure(path, "cannot be written", e);
    }
  }

  /** Cuts a partly written line off, so that the chain stays whole; else stops the sink. */
  private void undo(long end, IOException cause) {
    try {
      if (end >= 0) {
        file.setLength(end);
        return;
      }
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
    broken = cause.getClass().getSimpleName();
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try (file) {
        file.getFD().sync();
        fileLock.release();
      }
    } catch (IOException e) {
      throw ioFailure(path, "cannot be flushed and closed", e);
    } finally {
      lock.unlock();
    }
  }

  private static OnceFormException cannotContinue(Path path, String why) {
    return new OnceFormException(
        "OF-AUDIT-102",
        "cannot continue audit log "
            + path
            + ": "
            + why
            + "; run 'onceform audit verify "
            + path
            + "', keep the file as evidence and start a new log file");
  }

  private static OnceFormException ioFailure(Path path, String what, IOException e) {
    return new OnceFormException(
        "OF-AUDIT-101",
        "audit log "
            + path
            + " "
            + what
            + " ("
            + e.getClass().getSimpleName()
            + ": "
            + e.getMessage()
            + "); check the path, its permissions and free space",
        e);
  }

  private static void closeQuietly(RandomAccessFile file, RuntimeException failure) {
    try {
      file.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public String toString() {
    return "JsonLinesAuditSink[" + path + ", fsync=" + fsync + "]";
  }
}
