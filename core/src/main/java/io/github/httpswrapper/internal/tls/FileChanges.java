package io.github.httpswrapper.internal.tls;

import java.nio.file.Path;
import java.util.List;

/**
 * What a watcher knows of one source's files, and the rule both kinds of watched material follow: a change is
 * worth reading once two polls in a row have seen the same stamps (a file still being written is not read half
 * way), and stamps already loaded, or already found unusable, are not read again until the files change again.
 */
final class FileChanges {
  private final List<Path> files;
  private FileStamps loaded;
  private FileStamps seen;
  private FileStamps failed;

  /**
   * @param readNow whether the files were read at this moment; when not (material read long before the watcher
   *     started), nothing counts as loaded and the first settled poll reads them again
   */
  FileChanges(List<Path> files, boolean readNow) {
    this.files = List.copyOf(files);
    this.seen = FileStamps.of(this.files);
    this.loaded = readNow ? seen : null;
  }

  /** Whether anything was ever read successfully through this watcher (or at its creation). */
  boolean everLoaded() {
    return loaded != null;
  }

  /** One poll: whether the files changed from what was loaded or refused and have stayed so since the last poll. */
  boolean settledChange() {
    if (files.isEmpty()) {
      return false;
    }
    FileStamps stamps = FileStamps.of(files);
    boolean known = stamps.equals(loaded) || stamps.equals(failed);
    boolean settled = stamps.equals(seen);
    seen = stamps;
    return !known && settled;
  }

  /** The files' stamps now: taken before reading them, and handed back to {@link #loaded} or {@link #failed}. */
  FileStamps stamp() {
    return FileStamps.of(files);
  }

  void loaded(FileStamps stamps) {
    loaded = stamps;
    failed = null;
  }

  void failed(FileStamps stamps) {
    failed = stamps;
  }
}
