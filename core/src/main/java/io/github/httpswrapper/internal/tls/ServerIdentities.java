package io.github.httpswrapper.internal.tls;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.Identity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identities a TLS server presents: a default one, and one per server name a client may ask for with SNI.
 * Each can be replaced while the server runs (see {@link IdentitySlot}); the handshake reads whichever is
 * current through {@link ReloadingKeyManager}.
 */
public final class ServerIdentities implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServerIdentities.class);

  private final CertificateSettings settings;
  private final IdentitySlot defaultSlot;
  private final Map<String, IdentitySlot> exact = new HashMap<>();
  private final Map<String, IdentitySlot> wildcards = new HashMap<>();
  private final List<IdentitySlot> slots = new ArrayList<>();
  private final AtomicLong generations = new AtomicLong();
  private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
  private final List<MaterialSlot> materials = new CopyOnWriteArrayList<>();
  private volatile String logName;
  private IdentityWatcher watcher;

  private ServerIdentities(CertificateSettings settings, String logName) {
    this.settings = settings;
    this.logName = logName;
    this.defaultSlot = new IdentitySlot(null, settings.defaultSource(), generations::incrementAndGet, logName);
    slots.add(defaultSlot);
    for (CertificateSettings.Named named : settings.byServerName()) {
      IdentitySlot slot =
          new IdentitySlot(named.serverName(), named.source(), generations::incrementAndGet, logName);
      slots.add(slot);
      ServerNamePattern pattern = named.serverName();
      (pattern.wildcard() ? wildcards : exact).put(pattern.suffix(), slot);
    }
  }

  /**
   * Loads every source once.
   *
   * @param logName the prefix of log lines until {@link #startWatching(String)} gives the final one
   * @throws CertificateMaterialException when a source's material cannot be used
   */
  public static ServerIdentities load(CertificateSettings settings, String logName) {
    return new ServerIdentities(settings, logName);
  }

  /**
   * Starts looking at the sources in the background: their files every reload interval (when it is not zero),
   * and whether a certificate is due for renewal.
   */
  public synchronized void startWatching(String logName) {
    this.logName = logName;
    if (watcher == null) {
      watcher = IdentityWatcher.start(this, settings.reloadInterval(), logName);
    }
  }

  /**
   * Also looks after {@code material}: its files are polled with the identities' (when watching is on), and
   * {@link #reloadAll()} reads it again. A change to it counts as a change for {@link #onChange} listeners.
   */
  public void watch(WatchedMaterial material) {
    materials.add(new MaterialSlot(material));
  }

  /** Runs {@code listener} after any identity, or any {@linkplain #watch watched material}, has been replaced. */
  public void onChange(Runnable listener) {
    changeListeners.add(listener);
  }

  /** The identity for clients that send no server name or an unknown one. */
  public Identity defaultIdentity() {
    return defaultSlot.served().identity();
  }

  /** The identity a client that asks for {@code serverName} gets; the default one for {@code null}. */
  public Identity identityFor(String serverName) {
    return select(serverName).identity();
  }

  /** Every identity being served, the default first. */
  public List<Identity> all() {
    List<Identity> all = new ArrayList<>(slots.size());
    for (IdentitySlot slot : slots) {
      all.add(slot.served().identity());
    }
    return all;
  }

  /**
   * Loads every source and every watched material now and serves what loaded. A source that fails keeps its
   * current identity; a material that fails keeps what it had in service.
   *
   * @throws CertificateMaterialException after everything was tried, when one failed; with several failures,
   *     the message joins theirs
   */
  public void reloadAll() {
    List<CertificateMaterialException> failures = new ArrayList<>();
    boolean changed = false;
    for (IdentitySlot slot : slots) {
      try {
        changed |= slot.reloadNow(logName) != null;
      } catch (CertificateMaterialException e) {
        failures.add(e);
      }
    }
    for (MaterialSlot material : materials) {
      try {
        changed |= material.reloadNow(logName);
      } catch (CertificateMaterialException e) {
        failures.add(e);
      }
    }
    if (changed) {
      changed();
    }
    if (failures.size() == 1) {
      throw failures.get(0);
    }
    if (!failures.isEmpty()) {
      StringBuilder message = new StringBuilder(failures.size() + " certificates cannot be loaded again: ");
      for (int i = 0; i < failures.size(); i++) {
        message.append(i == 0 ? "" : "; ").append(failures.get(i).getMessage());
      }
      CertificateMaterialException e = new CertificateMaterialException(message.toString(), failures.get(0));
      failures.subList(1, failures.size()).forEach(e::addSuppressed);
      throw e;
    }
  }

  /** One round of the watcher; also called by tests with a "now" of their choosing. */
  void poll(Instant now, boolean watchFiles) {
    boolean changed = false;
    for (IdentitySlot slot : slots) {
      changed |= slot.poll(now, watchFiles, logName) != null;
    }
    if (watchFiles) {
      for (MaterialSlot material : materials) {
        changed |= material.poll(logName);
      }
    }
    if (changed) {
      changed();
    }
  }

  private void changed() {
    for (Runnable listener : changeListeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        log.error("{} failed to apply a new certificate", logName, e);
      }
    }
  }

  /** The identity for a handshake that asked for {@code requested} (an SNI host name), or sent none. */
  Served select(String requested) {
    if (requested == null || slots.size() == 1) {
      return defaultSlot.served();
    }
    String name = ServerNamePattern.normalise(requested);
    IdentitySlot slot = exact.get(name);
    if (slot == null) {
      int dot = name.indexOf('.');
      slot = dot > 0 ? wildcards.get(name.substring(dot + 1)) : null;
    }
    return (slot != null ? slot : defaultSlot).served();
  }

  /**
   * The identity a handshake chose under {@code alias}: a current one, or the one just replaced, whose
   * handshakes may still be running.
   */
  Served byAlias(String alias) {
    for (IdentitySlot slot : slots) {
      Served served = slot.served();
      if (served.alias().equals(alias)) {
        return served;
      }
      Served previous = slot.previous();
      if (previous != null && previous.alias().equals(alias)) {
        return previous;
      }
    }
    return null;
  }

  /** The identities being served now, the default first. */
  List<Served> current() {
    List<Served> current = new ArrayList<>(slots.size());
    for (IdentitySlot slot : slots) {
      current.add(slot.served());
    }
    return current;
  }

  /**
   * The identities chosen by server name, for the start line: {@code a.test: SHA-256 AB:..., expires ...;
   * *.b.test: ...}; empty when there are none.
   */
  public String describeServerNames() {
    StringBuilder sb = new StringBuilder();
    for (IdentitySlot slot : slots.subList(1, slots.size())) {
      sb.append(sb.length() == 0 ? "" : "; ").append(slot.describe());
    }
    return sb.toString();
  }

  /** Stops the background watch. The identities stay readable. */
  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.close();
    }
  }
}
