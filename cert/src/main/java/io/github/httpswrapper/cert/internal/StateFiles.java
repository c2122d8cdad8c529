package io.github.httpswrapper.cert.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;

/**
 * Writes files that must never be seen half-written, and private files that no one but their owner may read.
 *
 * <p>Each file is written under a temporary name in the same directory, flushed to disk, then renamed over the
 * target, which replaces it in one step: a reader sees the old file or the new one, and a crash leaves at most a
 * stray temporary file. On file systems with POSIX permissions a private file is created {@code rw-------}
 * before anything is written to it, so the key is never readable by others, not even for a moment; elsewhere
 * it gets the access rules of its directory.
 */
public final class StateFiles {
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private StateFiles() {}

  /**
   * Creates {@code directory} and any missing parents, each new one readable by its owner only where the file
   * system allows it.
   */
  public static void createPrivateDirectory(Path directory) throws IOException {
    Path absolute = directory.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      return;
    }
    Path parent = absolute.getParent();
    if (parent != null) {
      createPrivateDirectory(parent);
    }
    try {
      Files.createDirectory(absolute, attributes("rwx------"));
    } catch (FileAlreadyExistsException e) {
      // Another process made it a moment ago: fine, as long as it is a directory.
      if (!Files.isDirectory(absolute)) {
        throw e;
      }
    }
  }

  /** Replaces {@code target} with {@code text} in one step. */
  public static void write(Path target, String text, boolean ownerOnly) throws IOException {
    Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.createFile(temporary, ownerOnly ? attributes("rw-------") : new FileAttribute<?>[0]);
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        // Without this, a power loss soon after the rename can leave an empty file under the final name.
        channel.force(true);
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Stores a private key (readable by its owner only) and its certificate chain, each in PEM and in one step.
   *
   * <p>The key goes first: a certificate on disk whose key is missing would be unusable, the reverse is harmless.
   */
  static void writeKeyAndCertificates(
      Path keyFile, PrivateKey key, Path certificateFile, List<X509Certificate> chain) throws IOException {
    write(keyFile, Pem.encodePrivateKey(key), true);
    write(certificateFile, Pem.encodeCertificates(chain), false);
  }

  private static FileAttribute<?>[] attributes(String permissions) {
    return POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
        : new FileAttribute<?>[0];
  }
}
