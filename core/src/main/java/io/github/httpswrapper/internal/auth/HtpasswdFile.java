package io.github.httpswrapper.internal.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Collectors;

/** Reads an htpasswd file, with the stamp that tells later whether it changed. */
final class HtpasswdFile {
  private HtpasswdFile() {}

  /** What identifies one version of a file: a rewrite changes the time or the size, a rename the key. */
  record Stamp(FileTime modified, long size, Object key) {
    static final Stamp MISSING = new Stamp(FileTime.fromMillis(0), -1, null);

    static Stamp of(Path file) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
      } catch (IOException e) {
        return MISSING;
      }
    }
  }

  /** A parsed file and the stamp taken before reading it (so a change during the read is seen next time). */
  record Snapshot(UserTable table, Stamp stamp) {}

  /**
   * Reads and parses {@code file}.
   *
   * @param requireUsers whether a file without users is an error (it is at start; a rewrite may lock everyone out
   *     on purpose)
   * @throws IllegalArgumentException naming the file and saying how to fix it
   */
  static Snapshot load(Path file, boolean requireUsers) {
    Stamp stamp = Stamp.of(file);
    List<String> lines = lines(file);
    UserTable table = HtpasswdParser.parse(file.toString(), lines);
    if (requireUsers && table.size() == 0) {
      throw new IllegalArgumentException(
          "htpasswd file " + file + " has no users; add one with htpasswd -B " + file + " NAME");
    }
    return new Snapshot(table, stamp);
  }

  private static List<String> lines(Path file) {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(file + " is a directory, not an htpasswd file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "htpasswd file " + file + " does not exist; create it with htpasswd -c -B " + file + " NAME", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read htpasswd file " + file + ": " + e, e);
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return text.lines().collect(Collectors.toList());
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "htpasswd file " + file + " is not UTF-8 text; save it as UTF-8 (user names outside ASCII need it)", e);
    }
  }
}
