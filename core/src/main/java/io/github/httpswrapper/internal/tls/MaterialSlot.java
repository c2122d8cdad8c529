package io.github.httpswrapper.internal.tls;

import io.github.httpswrapper.cert.CertificateMaterialException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link WatchedMaterial} (a client CA bundle) under the same rules as a server identity ({@link
 * FileChanges}): material that cannot be used is reported once and stays out of service, while what was loaded
 * before keeps serving.
 */
final class MaterialSlot {
  private static final Logger log = LoggerFactory.getLogger(MaterialSlot.class);

  private final WatchedMaterial material;
  private final FileChanges files;

  MaterialSlot(WatchedMaterial material) {
    this.material = material;
    // The material was read before the wrapper started, perhaps long before: nothing counts as loaded yet, so
    // the first settled poll reads it again and a change made in between is not missed.
    this.files = new FileChanges(material.watchedFiles(), false);
  }

  /**
   * One look by the watcher.
   *
   * @return whether the material in service changed
   */
  synchronized boolean poll(String logName) {
    if (!files.settledChange()) {
      return false;
    }
    String reason = files.everLoaded() ? "its file changed" : "its file changed since it was first read";
    return reload(reason, logName, false);
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
    FileStamps stamps = files.stamp();
    String before = material.inService();
    boolean changed;
    try {
      changed = material.reload();
    } catch (CertificateMaterialException e) {
      files.failed(stamps);
      log.error("{} cannot use the new {} ({}), so the one loaded before ({}) stays in service: {}",
          logName, material.description(), reason, before, e.getMessage());
      if (rethrow) {
        throw e;
      }
      return false;
    }
    files.loaded(stamps);
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
