package io.github.httpswrapper.internal.tls;

import io.github.httpswrapper.cert.CertificateMaterialException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link WatchedMaterial} and what the watcher knows of its files, with the rules of {@link IdentitySlot}: a
 * change is read once two polls in a row have seen the same files, and material that cannot be used is reported
 * once, stays out of service, and is not read again until the files change again.
 */
final class MaterialSlot {
  private static final Logger log = LoggerFactory.getLogger(MaterialSlot.class);

  private final WatchedMaterial material;
  private final List<Path> files;
  // The material was read before the wrapper started, perhaps long before: nothing counts as loaded yet, so the
  // first settled poll reads it again and a change made in between is not missed.
  private FileStamps loadedStamps;
  private FileStamps seenStamps;
  private FileStamps failedStamps;

  MaterialSlot(WatchedMaterial material) {
    this.material = material;
    this.files = List.copyOf(material.watchedFiles());
    this.seenStamps = FileStamps.of(files);
  }

  /**
   * One look by the watcher.
   *
   * @return whether the material in service changed
   */
  synchronized boolean poll(String logName) {
    if (files.isEmpty()) {
      return false;
    }
    FileStamps stamps = FileStamps.of(files);
    boolean known = stamps.equals(loadedStamps) || stamps.equals(failedStamps);
    boolean settled = stamps.equals(seenStamps);
    seenStamps = stamps;
    String reason = loadedStamps == null ? "its file changed since it was first read" : "its file changed";
    return !known && settled && reload(reason, logName, false);
  }

  /**
   * Reads the material now.
   *
   * @return whether the material in service changed
   * @throws CertificateMaterialException when it cannot be used; what was in service stays
   */
  synchronized boolean reloadNow(String logName) {
    return reload("reloadCertificates()", logName, true);
  }

  private boolean reload(String reason, String logName, boolean rethrow) {
    FileStamps stamps = FileStamps.of(files);
    String before = material.inService();
    boolean changed;
    try {
      changed = material.reload();
    } catch (CertificateMaterialException e) {
      failedStamps = stamps;
      log.error("{} cannot use the new {} ({}), so the one loaded before ({}) stays in service: {}",
          logName, material.description(), reason, before, e.getMessage());
      if (rethrow) {
        throw e;
      }
      return false;
    }
    loadedStamps = stamps;
    failedStamps = null;
    if (changed) {
      log.info("{} {} replaced ({}): {} -> {}, for new connections",
          logName, material.description(), reason, before, material.inService());
    } else if (rethrow) {
      log.info("{} {} loaded again: unchanged, {}", logName, material.description(), before);
    } else {
      log.debug("{} {} loaded again ({}): unchanged", logName, material.description(), reason);
    }
    return changed;
  }
}
