/**
 * https-wrapper: puts HTTPS in front of a service that only speaks plain HTTP. See
 * {@link io.github.httpswrapper.HttpsWrapper}.
 */
module io.github.httpswrapper {
  requires transitive io.github.httpswrapper.cert;
  requires org.slf4j;

  exports io.github.httpswrapper;
}
