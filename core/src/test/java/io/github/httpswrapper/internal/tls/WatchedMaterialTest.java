package io.github.httpswrapper.internal.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.CertificateSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Material other than identities, watched with them: a one-line file whose text is the material, and that is
 * refused when it says "broken". Driven by hand instead of by the watcher thread.
 */
@Timeout(60)
class WatchedMaterialTest {
  @TempDir Path dir;
  private Path file;
  private TextMaterial material;
  private ServerIdentities identities;
  private int changes;

  /** The text of a file; "broken" cannot be used. Counts its reads. */
  private static final class TextMaterial implements WatchedMaterial {
    final Path file;
    final List<String> reads = new ArrayList<>();
    String inService;

    TextMaterial(Path file) throws Exception {
      this.file = file;
      this.inService = Files.readString(file);
    }

    @Override
    public String description() {
      return "text " + file;
    }

    @Override
    public List<Path> watchedFiles() {
      return List.of(file);
    }

    @Override
    public String inService() {
      return inService;
    }

    @Override
    public boolean reload() {
      String text;
      try {
        text = Files.readString(file);
      } catch (Exception e) {
        throw new CertificateMaterialException(file + " cannot be read", e);
      }
      reads.add(text);
      if (text.equals("broken")) {
        throw new CertificateMaterialException(file + " is broken: write it again");
      }
      boolean changed = !text.equals(inService);
      inService = text;
      return changed;
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    Path certificate = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    TestPki.certificate(certificate, key, "localhost");
    identities = ServerIdentities.load(
        new CertificateSettings(CertificateSource.pem(certificate, key), List.of(), Duration.ZERO), "test");
    identities.onChange(() -> changes++);
    file = dir.resolve("material.txt");
    Files.writeString(file, "one");
    material = new TextMaterial(file);
    identities.watch(material);
  }

  private void poll() {
    identities.poll(Instant.now(), true);
  }

  private void write(String text) throws Exception {
    TestPki.replace(file, text.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void firstSettledPollReadsTheFileOnceInCaseItChangedBeforeWatchingBegan() {
    poll();
    poll();

    assertEquals(List.of("one"), material.reads);
    assertEquals(0, changes);
  }

  @Test
  void changeIsReadOnlyAfterStayingTheSameForOnePoll() throws Exception {
    poll();
    write("two");
    poll();
    assertEquals("one", material.inService(), "seen once: it may still be being written");

    poll();

    assertEquals("two", material.inService());
    assertEquals(1, changes);
  }

  @Test
  void brokenContentIsTriedOnceAndNotAgainUntilItChanges() throws Exception {
    poll();
    write("broken");
    poll();
    poll();
    poll();
    poll();
    assertEquals(List.of("one", "broken"), material.reads);
    assertEquals("one", material.inService());

    write("three");
    poll();
    poll();

    assertEquals("three", material.inService());
    assertEquals(1, changes);
  }

  @Test
  void pollsWithWatchingOffDoNotLookAtTheFile() throws Exception {
    write("two");
    identities.poll(Instant.now(), false);
    identities.poll(Instant.now(), false);

    assertEquals(List.of(), material.reads);
  }

  @Test
  void reloadAllReadsTheMaterialAndThrowsWhenItIsBroken() throws Exception {
    write("two");
    identities.reloadAll();
    assertEquals("two", material.inService());
    assertEquals(1, changes);

    write("broken");
    CertificateMaterialException e = assertThrows(CertificateMaterialException.class, identities::reloadAll);

    assertEquals(file + " is broken: write it again", e.getMessage());
    assertEquals("two", material.inService());
  }
}
