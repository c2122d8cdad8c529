/**
 * A JUnit 5 extension for https-wrapper. See {@link io.github.httpswrapper.junit.HttpsWrapperExtension}.
 */
module io.github.httpswrapper.junit {
  requires transitive io.github.httpswrapper;
  requires transitive java.net.http;
  requires transitive org.junit.jupiter.api;

  exports io.github.httpswrapper.junit;
}
