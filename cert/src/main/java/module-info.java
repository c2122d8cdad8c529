/**
 * Certificate sources for https-wrapper: identity material (a private key and its certificate chain) from PEM
 * files, keystores, or generated for you.
 */
module io.github.httpswrapper.cert {
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.util;
  requires java.net.http;
  requires org.shredzone.acme4j;
  requires org.slf4j;

  exports io.github.httpswrapper.cert;
  // IpText, so that core spells addresses exactly as certificates do; nothing else there is meant for use.
  exports io.github.httpswrapper.cert.internal to io.github.httpswrapper;
}
