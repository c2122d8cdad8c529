package io.github.httpswrapper.internal.tls;

import io.github.httpswrapper.cert.CertificateMaterialException;
import java.nio.file.Path;
import java.util.List;

/**
 * Material read from files that is not one of the server's own identities, such as a CA bundle that client
 * certificates are checked against. {@link ServerIdentities#watch(WatchedMaterial)} looks after it the way it
 * looks after the identities: polled at the same interval on the same thread, read again once a change has held
 * still for one poll, and read again by {@link ServerIdentities#reloadAll()}.
 */
public interface WatchedMaterial {
  /** What the material is, for log lines, e.g. {@code CA bundle /etc/clients-ca.pem}. */
  String description();

  /** The files whose change means the material must be read again; empty for material that never changes. */
  List<Path> watchedFiles();

  /** What is in service now, for log lines, e.g. {@code CN=Clients CA}. */
  String inService();

  /**
   * Reads the files again and puts what they hold in service.
   *
   * @return whether what is in service changed; {@code false} when the files held the same material again
   * @throws CertificateMaterialException naming the file, when the material cannot be used; what was in service
   *     stays
   */
  boolean reload();
}
