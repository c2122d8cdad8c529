package io.github.httpswrapper.cli;

/** The text of {@code --help}: every option with its default, the exit codes, and three examples. */
final class HelpText {
  private HelpText() {}

  static final String TEXT =
      """
      Usage: java -jar https-wrapper.jar [--target HOST:PORT] [--listen [HOST:]PORT] [options]

      Puts HTTPS in front of a service that only speaks plain HTTP. Without --target it wraps a
      small built-in demo site, so you can try it first.

        --target HOST:PORT       the plain-HTTP service to wrap, e.g. 127.0.0.1:4334, localhost:8000,
                                 [::1]:8080; a bare port means 127.0.0.1.
                                 Default: none, the built-in demo site is served.
        --listen [HOST:]PORT     where to accept HTTPS. A bare port means 127.0.0.1:PORT (this machine
                                 only); 0.0.0.0:PORT or [::]:PORT accepts other machines too; port 0
                                 picks a free port. Default: 127.0.0.1:8443

      Certificate (one of --self-signed, --cert, --keystore; default: --self-signed)
        --self-signed            make a self-signed certificate once, keep it in --state-dir and reuse
                                 it; it names localhost, 127.0.0.1, ::1 and this machine's host name.
        --name HOST              add a host name or IP address to the self-signed certificate;
                                 repeat for more. Implies --self-signed.
        --key-type ecdsa|rsa     key of the self-signed certificate. Default: ecdsa (P-256);
                                 rsa (2048 bits) is for old clients.
        --cert FILE              PEM certificate chain; holds the private key too unless --key is given.
        --key FILE               PEM private key of --cert. Default: read from the --cert file.
        --keystore FILE          PKCS#12 (.p12, .pfx) or JKS keystore with the key and its chain.
        --keystore-password PW   password of --keystore. Default: empty.
        --key-password PW        password of an encrypted PEM key, or of the keystore's key entry.
                                 Default: none for PEM; --keystore-password for a keystore.
        --key-alias ALIAS        keystore entry to serve. Default: the keystore's only key entry.
        --state-dir DIR          where the self-signed certificate is kept, and where the served
                                 certificate (never the key) is written for clients when it has no
                                 file of its own. Default: ~/.https-wrapper

      Who may connect (checked on the client's address before any TLS work)
        --allow CIDR             only clients in this address block may connect, e.g. 192.168.1.0/24,
                                 10.0.0.7, fd00::/8; repeat, or separate with commas.
                                 Default: everyone that can reach --listen.
        --deny CIDR              refuse clients in this block, even when --allow matches.
                                 Default: nobody refused.

      Limits
        --max-connections N      client connections open at once; further ones are closed when accepted.
                                 Default: 10000 on Java 21 and later, 1000 on Java 17 to 20.
        --handshake-timeout T    time a client has to complete the TLS handshake. Default: 10s
        --idle-timeout T         close a connection that passed no bytes for this long. Default: 5m
        --connect-timeout T      time to connect to the target before answering 504. Default: 5s
                                 T is a number with a unit: 500ms, 10s, 5m, 1h; a bare number is seconds.

      Other
        --debug                  log at debug level, and print the stack trace of an error.
        --help, -h               print this help and exit.
        --version, -V            print the version and exit.

      Every option can also be written --option=VALUE.
      Passwords (PW): env:VARIABLE reads an environment variable, file:PATH the first line of a file,
      pass:TEXT or plain TEXT is the password itself. Prefer env: or file:, which keep the password
      out of the process list and your shell history.

      Exit codes: 0 stopped normally (Ctrl-C or SIGTERM), 1 runtime error (certificate, port in use,
      address block, ...), 2 bad usage.

      Examples
        Wrap the blog engine on port 4334 for the machines on your LAN, 192.168.1.5 being this machine's
        address there (--name puts it in the certificate, so clients can check it):
          java -jar https-wrapper.jar --target 127.0.0.1:4334 --listen 0.0.0.0:8443 \\
            --allow 192.168.1.0/24 --name 192.168.1.5

        Wrap it with your own certificate and key, the key's password in an environment variable:
          java -jar https-wrapper.jar --target 127.0.0.1:4334 --listen 0.0.0.0:8443 \\
            --cert cert.pem --key key.pem --key-password env:KEY_PASSWORD

        Try the built-in demo site, then open https://127.0.0.1:8443/ (accept the self-signed certificate):
          java -jar https-wrapper.jar
      """;
}
