package io.github.httpswrapper.cli;

/** Each option: whether it takes a value, whether it may repeat, and an example value for error messages. */
enum Flag {
  TARGET("--target", "127.0.0.1:4334"),
  LISTEN("--listen", "0.0.0.0:8443"),
  CERT("--cert", "cert.pem"),
  KEY("--key", "key.pem"),
  KEY_PASSWORD("--key-password", "env:KEY_PASSWORD"),
  KEYSTORE("--keystore", "server.p12"),
  KEYSTORE_PASSWORD("--keystore-password", "env:KEYSTORE_PASSWORD"),
  KEY_ALIAS("--key-alias", "web"),
  SELF_SIGNED("--self-signed", null),
  LOCAL_CA("--local-ca", null),
  NAME("--name", "blog.home.arpa"),
  KEY_TYPE("--key-type", "rsa"),
  SNI("--sni", "blog.example.org=blog.pem"),
  RELOAD_INTERVAL("--reload-interval", "2s"),
  ACME("--acme", "https://acme-v02.api.letsencrypt.org/directory"),
  ACME_EMAIL("--acme-email", "admin@example.org"),
  ACME_ACCEPT_TOS("--acme-accept-tos", null),
  ACME_CA("--acme-ca", "acme-ca.pem"),
  ALLOW("--allow", "192.168.1.0/24"),
  DENY("--deny", "192.168.1.13"),
  STATE_DIR("--state-dir", "/var/lib/https-wrapper"),
  MAX_CONNECTIONS("--max-connections", "500"),
  HANDSHAKE_TIMEOUT("--handshake-timeout", "10s"),
  IDLE_TIMEOUT("--idle-timeout", "5m"),
  CONNECT_TIMEOUT("--connect-timeout", "5s"),
  REQUEST_HEAD_TIMEOUT("--request-head-timeout", "20s"),
  KEEP_ALIVE_TIMEOUT("--keep-alive-timeout", "75s"),
  REQUEST_BODY_TIMEOUT("--request-body-timeout", "60s"),
  RESPONSE_TIMEOUT("--response-timeout", "60s"),
  SHUTDOWN_TIMEOUT("--shutdown-timeout", "10s"),
  MAX_CONNECTIONS_PER_CLIENT("--max-connections-per-client", "256"),
  MAX_REQUEST_BODY("--max-request-body", "10485760"),
  POLICY("--policy", "local-open"),
  HTPASSWD("--htpasswd", "/etc/https-wrapper/htpasswd"),
  USER("--user", "'alice:$2y$10$...'"),
  CLIENT_CA("--client-ca", "ca.pem"),
  CLIENT_CN("--client-cn", "alice"),
  CLIENT_SPKI("--client-spki", "kFS2oRy3X4b6Pv3rVlXKIvqk0zqZ0wT4Z/g8yNf3rAc="),
  REALM("--realm", "Photos"),
  HSTS("--hsts", "180d"),
  STRIP_AUTHORIZATION("--strip-authorization", null),
  TRUSTED_PROXY("--trusted-proxy", "10.0.0.2"),
  PROXY_PROTOCOL("--proxy-protocol", null),
  REDIRECT_HTTP("--redirect-http", "8080"),
  METRICS_PORT("--metrics-port", "9100"),
  TCP("--tcp", null),
  MAX_REQUEST_LINE("--max-request-line", "16384"),
  MAX_HEADER_SIZE("--max-header-size", "65536"),
  DEBUG("--debug", null),
  CONFIG("--config", "site.conf"),
  HELP("--help", null),
  VERSION("--version", null);

  final String name;
  final String example;

  Flag(String name, String example) {
    this.name = name;
    this.example = example;
  }

  boolean takesValue() {
    return example != null;
  }

  boolean repeatable() {
    return this == NAME || this == SNI || this == ALLOW || this == DENY || this == USER || this == CLIENT_CN
        || this == CLIENT_SPKI || this == TRUSTED_PROXY;
  }

  /** A value that may be left out: {@code --hsts} alone, or {@code --hsts 180d}, {@code --hsts=180d}. */
  boolean optionalValue() {
    return this == HSTS;
  }

  /** The name without {@code --}, as a config file writes it. */
  String key() {
    return name.substring(2);
  }

  /** Whether a config file may set it: every option but those that are about the command line itself. */
  boolean inConfigFile() {
    return this != CONFIG && this != HELP && this != VERSION;
  }
}
