package io.github.httpswrapper.cert.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A freshly made key and the certificate made for it. */
final class KeyAndCertificate {
  final PrivateKey key;
  final X509Certificate certificate;

  KeyAndCertificate(PrivateKey key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
  }
}
