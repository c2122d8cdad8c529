package io.github.httpswrapper.cert.internal;

import io.github.httpswrapper.cert.CertificateMaterialException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Lets one thread of one process at a time check and rewrite the files of a state directory.
 *
 * <p>Wrappers that start together with the same state directory would otherwise each find nothing stored, each
 * make a key and a certificate, and overwrite each other's halves. Under this lock the first one writes, and the
 * others, which wait, find its files and reuse them. Processes take turns through a {@code .lock} file in the
 * directory; the operating system releases it when its holder closes it or exits, so a crash never leaves a
 * stale lock. A JVM can hold a lock on a file only once, so threads of one process first queue on this object:
 * keep one instance per kind of state directory, in a static field.
 *
 * <pre>{@code
 * private static final StateLock LOCK = new StateLock();
 * ...
 * return LOCK.run(directory, origin, () -> reuseOrMake(directory));
 * }</pre>
 */
public final class StateLock {
  private final Object threads = new Object();

  /** What {@link #run} does while holding the lock. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws IOException;
  }

  /**
   * Creates {@code directory} (readable by its owner only) if it is missing, then runs {@code work} while no other
   * thread or process runs work on it, and returns what it returns.
   *
   * @param origin what the files are for, to start the error message with
   * @throws CertificateMaterialException when the directory cannot be created, locked or written (an
   *     {@link IOException} from {@code work}), naming the directory and how to fix it
   */
  public <T> T run(Path directory, String origin, Work<T> work) {
    synchronized (threads) {
      try {
        StateFiles.createPrivateDirectory(directory);
        try (FileChannel lockFile = FileChannel.open(
            directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
          // Held until the channel closes; another process blocks here until this one has written its files.
          lockFile.lock();
          return work.run();
        }
      } catch (IOException e) {
        throw new CertificateMaterialException(
            origin + ": cannot write to " + directory + " (" + describe(e) + "): choose a writable state"
                + " directory with stateDirectory(...) or --state-dir",
            e);
      }
    }
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return e.getMessage() + " exists and is not a directory";
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason();
    }
    return PemText.oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }
}
