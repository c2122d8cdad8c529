package io.github.httpswrapper.internal.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What a poll sees of a source's files without reading them: modification time, size and file identity (inode),
 * so that a renewal tool's write-then-rename is seen even when time and size happen to be equal. Comparing two
 * stamps costs one {@code stat} per file.
 */
record FileStamps(List<Stamp> files) {
  /** One file's stamp; a missing or unreadable file has {@code size == -1}. */
  record Stamp(FileTime modified, long size, Object key) {}

  static FileStamps of(List<Path> paths) {
    List<Stamp> stamps = new ArrayList<>(paths.size());
    for (Path path : paths) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        stamps.add(new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey()));
      } catch (IOException e) {
        stamps.add(new Stamp(FileTime.fromMillis(0), -1, null));
      }
    }
    return new FileStamps(List.copyOf(stamps));
  }
}
