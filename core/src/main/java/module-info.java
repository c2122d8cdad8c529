/**
 * https-wrapper: puts HTTPS in front of a service that only speaks plain HTTP. See
 * {@link io.github.httpswrapper.HttpsWrapper}.
 */
module io.github.httpswrapper {
  requires transitive io.github.httpswrapper.cert;
  requires org.slf4j;
  requires spring.security.crypto;

  exports io.github.httpswrapper;
}
