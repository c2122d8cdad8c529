package io.github.httpswrapper.cert.internal;

import io.github.httpswrapper.cert.KeyAlgorithm;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Whether a stored generated certificate is still the one asked for: same names, same kind of key. */
final class GeneratedMatch {
  private GeneratedMatch() {}

  /** Why {@code certificate} and {@code key} no longer fit the request, or {@code null} when they do. */
  static String mismatch(X509Certificate certificate, PrivateKey key, Set<String> names, KeyAlgorithm algorithm) {
    Set<String> stored = namesOf(certificate);
    if (!stored.equals(names)) {
      return "names changed from " + stored + " to " + names;
    }
    KeyAlgorithm storedAlgorithm = algorithmOf(key);
    if (storedAlgorithm != algorithm) {
      return "key algorithm changed from " + (storedAlgorithm == null ? key.getAlgorithm() : storedAlgorithm)
          + " to " + algorithm;
    }
    return null;
  }

  private static Set<String> namesOf(X509Certificate certificate) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : IdentityChecks.subjectAlternativeNames(certificate)) {
      names.add(HostNames.isIpAddress(name) ? name : name.toLowerCase(Locale.ROOT));
    }
    return names;
  }

  private static KeyAlgorithm algorithmOf(PrivateKey key) {
    if (key instanceof ECPrivateKey && ((ECPrivateKey) key).getParams().getCurve().getField().getFieldSize() == 256) {
      return KeyAlgorithm.ECDSA_P256;
    }
    if (key instanceof RSAPrivateKey && ((RSAPrivateKey) key).getModulus().bitLength() == 2048) {
      return KeyAlgorithm.RSA_2048;
    }
    return null;
  }
}
