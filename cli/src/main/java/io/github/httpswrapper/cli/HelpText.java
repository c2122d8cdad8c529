package io.github.httpswrapper.cli;

/**
 * The text of {@code --help}: every option with its default, the config file, the commands, the exit codes, and
 * an example per scenario; and the texts of {@code hash-password --help}, {@code export-cert --help} and
 * {@code trust --help}.
 */
final class HelpText {
  private HelpText() {}

  static final String TEXT =
      """
      Usage: java -jar https-wrapper.jar [--target HOST:PORT] [--listen [HOST:]PORT] [options]
             java -jar https-wrapper.jar --config FILE [options]
             java -jar https-wrapper.jar hash-password [--user NAME]
             java -jar https-wrapper.jar export-cert [certificate options] [--out FILE]
             java -jar https-wrapper.jar trust [certificate options]

      Puts HTTPS in front of a service that only speaks plain HTTP. Without --target it wraps a
      small built-in demo site, so you can try it first.

        --target HOST:PORT       the plain-HTTP service to wrap, e.g. 127.0.0.1:4334, localhost:8000,
                                 [::1]:8080; a bare port means 127.0.0.1.
                                 Default: none, the built-in demo site is served.
        --listen [HOST:]PORT     where to accept HTTPS. A bare port means 127.0.0.1:PORT (this machine
                                 only); 0.0.0.0:PORT or [::]:PORT accepts other machines too; port 0
                                 picks a free port. Default: 127.0.0.1:8443

      Certificate (one of --self-signed, --local-ca, --cert, --keystore, --acme; default: --self-signed)
        --self-signed            make a self-signed certificate once, keep it in --state-dir and reuse
                                 it; it names localhost, 127.0.0.1, ::1 and this machine's host name.
        --local-ca               your own small certificate authority, made once in --state-dir,
                                 issues the certificate. Import its root in browsers once and every
                                 certificate it issues (renewals, other services) is trusted with no
                                 warning, unlike a self-signed one. Takes --name and --key-type.
        --name HOST              add a host name or IP address to the self-signed or local CA
                                 certificate; repeat for more. Implies --self-signed unless
                                 --local-ca or --acme is given; with --acme, the domains to certify.
        --key-type ecdsa|rsa     key of the self-signed or local CA certificate. Default: ecdsa
                                 (P-256); rsa (2048 bits) is for old clients.
        --cert FILE              PEM certificate chain; holds the private key too unless --key is given.
        --key FILE               PEM private key of --cert. Default: read from the --cert file.
        --keystore FILE          PKCS#12 (.p12, .pfx) or JKS keystore with the key and its chain.
        --keystore-password PW   password of --keystore. Default: empty.
        --key-password PW        password of an encrypted PEM key, or of the keystore's key entry.
                                 Default: none for PEM; --keystore-password for a keystore.
        --key-alias ALIAS        keystore entry to serve. Default: the keystore's only key entry.
        --sni NAME=CERT[,KEY]    serve another PEM certificate (unencrypted key in CERT or KEY) to clients
                                 that ask for NAME, e.g. --sni blog.example.org=blog.pem or
                                 --sni '*.example.org=cert.pem,key.pem'; repeat for more names. Clients
                                 that ask for no name or another one get the main certificate.
                                 Default: none.
        --reload-interval T      how often the --cert, --keystore and --sni files are checked: a
                                 changed (renewed) certificate is served to new connections without
                                 a restart. 0 turns watching off. Default: 2s
        --state-dir DIR          where the self-signed certificate, the local CA and ACME certificates
                                 are kept, and where the served certificate (never the key) is
                                 written for clients when it has no file of its own.
                                 Default: ~/.https-wrapper

      ACME (a certificate from Let's Encrypt or another ACME CA, renewed before it expires)
        --acme URL               get the certificate for the --name domains (at least one) from this
                                 ACME directory, e.g. https://acme-v02.api.letsencrypt.org/directory.
                                 The CA checks each domain over plain HTTP on port 80: needs
                                 --redirect-http, and port 80 must reach it. Default: off.
        --acme-email ADDRESS     where the CA sends expiry notices. Default: none.
        --acme-accept-tos        accept the CA's terms of service; required with --acme.
        --acme-ca FILE           PEM bundle trusted for the ACME server's own HTTPS, for a private or
                                 test CA. Default: the JDK's trust store.

      Who may connect (checked on the client's address before any TLS work)
        --allow CIDR             only clients in this address block may connect, e.g. 192.168.1.0/24,
                                 10.0.0.7, fd00::/8; repeat, or separate with commas.
                                 Default: everyone that can reach --listen.
        --deny CIDR              refuse clients in this block, even when --allow matches.
                                 Default: nobody refused.

      Access policy (checked on every request; this machine means a loopback client, 127.0.0.1 or ::1)
        --policy NAME            trusted-network: everyone who can connect is served, no password.
                                 local-open: this machine without a password; other addresses need
                                 a password (or a client certificate, with --client-ca).
                                 hostile-network: as local-open, plus HSTS (see --hsts).
                                 Default: trusted-network
        --htpasswd FILE          the users of local-open and hostile-network: an Apache htpasswd file
                                 (bcrypt as htpasswd -B writes it; APR1 and {SHA} are read too),
                                 read again when it changes. Default: none.
        --user NAME:HASH         a user given here instead of --htpasswd; repeat for more. HASH is a
                                 bcrypt, APR1 or {SHA} hash, never the password: make it with
                                 hash-password, and quote it ('alice:$2y$10$...'). Default: none.
        --client-ca FILE         PEM bundle of the CAs whose client certificates other addresses may
                                 show instead of a password; with no users, a certificate is the
                                 only way in. Default: no client certificates asked for.
        --client-cn NAME         accept only client certificates with this subject common name;
                                 repeat for more. Default: any certificate of --client-ca.
        --client-spki PIN        accept only client certificates with this public key, given as the
                                 base64 SHA-256 of the key (44 characters ending in =); repeat for more.
                                 Default: any certificate of --client-ca.
        --realm TEXT             the name browsers show in the password dialog. Default: https-wrapper
        --hsts[=AGE]             tell browsers to use only HTTPS for this host, for AGE (180d, 12h;
                                 0d makes them forget it). Browsers ignore it until they trust the
                                 certificate. Default: off; on for 365d with hostile-network.
        --strip-authorization    never pass the client's Authorization header to the target.
                                 Default: passed on, for targets that check passwords themselves.

      Proxies and protocol
        --trusted-proxy CIDR     a proxy in front of the wrapper whose Forwarded or X-Forwarded-For
                                 header says who the client is; repeat, or separate with commas.
                                 From anyone else these headers are removed. Default: none.
        --proxy-protocol         trusted proxies send a PROXY protocol header (v1 or v2) instead.
                                 Needs --trusted-proxy. Default: off.
        --redirect-http PORT     also listen for plain HTTP on PORT (same host as --listen) and
                                 redirect every request to https; 0 picks a free port. With --acme,
                                 it also answers the CA's checks. Default: off.
        --tcp                    relay bytes without reading HTTP, for targets that do not speak it;
                                 only --allow and --deny apply, so no --policy, users or client
                                 certificates. Default: HTTP, checked request by request.
        --max-request-line BYTES longest request line; longer gets 414. Default: 8192
        --max-header-size BYTES  largest request header section; larger gets 431. Default: 32768

      Limits
        --max-connections N      client connections open at once; further ones are closed when accepted.
                                 Default: 10000 on Java 21 and later, 1000 on Java 17 to 20.
        --max-connections-per-client N
                                 connections open at once from one client address (IPv6: one /64);
                                 further ones are closed when accepted. Generous, since browsers open
                                 about 6 and a whole office may share one address. Trusted proxies are
                                 exempt. Default: 256
        --handshake-timeout T    time a client has to complete the TLS handshake. Default: 10s
        --request-head-timeout T time a client has to send a whole request head, from its first byte;
                                 past it: 408 and close (stops "slowloris" clients). Default: 20s
        --keep-alive-timeout T   close a connection idle between requests after this long. Default: 75s
        --request-body-timeout T longest pause inside a request body; past it: 408 (or a closed
                                 connection once the response has started). Default: 60s
        --response-timeout T     time the target has to start its response, and longest pause inside
                                 it; past it: 504, or a cut response. Default: 60s
        --idle-timeout T         close an upgraded (WebSocket) or --tcp connection that passed no bytes
                                 for this long. Default: 5m
        --connect-timeout T      time to connect to the target before answering 504. Default: 5s
        --shutdown-timeout T     on stop (SIGTERM, Ctrl-C), time requests in flight get to finish; new
                                 and idle connections are closed at once. Default: 10s
        --max-request-body BYTES largest request body; larger gets 413. Default: no limit
                                 T is a number with a unit: 500ms, 10s, 5m, 1h; a bare number is seconds.

      Monitoring
        --metrics-port PORT      serve the counters (connections, handshakes, requests by status, denials
                                 by rule, bytes, target errors) at http://127.0.0.1:PORT/metrics in
                                 Prometheus text format, and http://127.0.0.1:PORT/health (200 ok, 503
                                 while stopping). Plain HTTP without a password, so on 127.0.0.1 only;
                                 0 picks a free port. Default: off.
                                 Every answered request is logged, one line each (time, client, user,
                                 request, status, body bytes, ms, TLS version); turn that off with
                                 java -Dorg.slf4j.simpleLogger.log.io.github.httpswrapper.access=off -jar

      Config file
        --config FILE            read options from FILE, one "key = value" per line; the keys are the
                                 long options without --: target = 127.0.0.1:4334, policy = local-open,
                                 htpasswd = /etc/https-wrapper/htpasswd. Options without a value are
                                 written "= true" (hsts = true, or hsts = 180d). Repeatable options
                                 (allow, deny, name, sni, user, client-cn, client-spki, trusted-proxy)
                                 may appear on several lines; any other key once. Lines starting with #
                                 are comments; the value is the rest of the line, no quotes (a # inside
                                 it is kept). Passwords as below (env:, file:, pass:). Relative paths
                                 are read from the working directory. An option on the command line
                                 replaces the file's value; a repeatable one adds to the file's values.
                                 An error names the file and line and exits with 2. One example file
                                 per scenario is in the jar: unzip -p https-wrapper.jar
                                 examples/local-open.conf (also trusted-network, hostile-network).

      Commands (written first, each with its own --help)
        hash-password            prints the bcrypt hash of a password typed at the prompt, or with
                                 --user NAME a line for the --htpasswd file.
        export-cert              prints the PEM certificate clients should trust (--out FILE writes
                                 it): the local CA's root with --local-ca, else the certificate served
                                 (the top of its chain for --cert, --keystore). Takes the options of
                                 the server, --config too, and makes the certificate in --state-dir
                                 if there is none yet, as the server would.
        trust                    prints where that certificate is and how to trust it in curl, Java,
                                 Firefox and Chromium. Same options as export-cert.

      Other
        --debug                  log at debug level, and print the stack trace of an error.
        --help, -h               print this help and exit.
        --version, -V            print the version and exit.

      Every option can also be written --option=VALUE.
      Passwords (PW): env:VARIABLE reads an environment variable, file:PATH the first line of a file,
      pass:TEXT or plain TEXT is the password itself. Prefer env: or file:, which keep the password
      out of the process list and your shell history.

      Exit codes
        0  stopped normally (Ctrl-C or SIGTERM); --help, --version; a command printed its output
        1  runtime error: certificate material, port in use, address block, htpasswd file, ACME CA,
           a password's variable or file; export-cert --out cannot be written; hash-password cannot
           read standard input
        2  bad usage: unknown or malformed option, options that exclude each other, an error in the
           --config file (named with its line); hash-password: an empty password, or two that differ

      Examples
        Trusted network: wrap the blog engine on port 4334 for the machines on your LAN, 192.168.1.5
        being this machine's address there (--name puts it in the certificate, so clients can check it):
          java -jar https-wrapper.jar --target 127.0.0.1:4334 --listen 0.0.0.0:8443 \\
            --allow 192.168.1.0/24 --name 192.168.1.5

        Local open, remote with a password: make the users file (asks for alice's password), then
        serve; this machine gets in without a password, other machines log in as alice:
          java -jar https-wrapper.jar hash-password --user alice
          (add the line it prints to /etc/https-wrapper/htpasswd, one line per user)
          java -jar https-wrapper.jar --target 127.0.0.1:4334 --listen 0.0.0.0:8443 \\
            --policy local-open --htpasswd /etc/https-wrapper/htpasswd

        Hostile network: as above, plus HSTS, plain http:// on port 8080 redirected to https, and
        client certificates from your own CA accepted in place of a password:
          java -jar https-wrapper.jar --target 127.0.0.1:4334 --listen 0.0.0.0:8443 \\
            --policy hostile-network --htpasswd /etc/https-wrapper/htpasswd \\
            --redirect-http 8080 --client-ca ca.pem --cert cert.pem --key key.pem

        Wrap it with your own certificate and key, the key's password in an environment variable
        (renew the files in place: the new certificate is served without a restart):
          java -jar https-wrapper.jar --target 127.0.0.1:4334 --listen 0.0.0.0:8443 \\
            --cert cert.pem --key key.pem --key-password env:KEY_PASSWORD

        Local CA: trust one root in every browser once, then each service it certifies is trusted:
          java -jar https-wrapper.jar --target 127.0.0.1:4334 --listen 0.0.0.0:8443 \\
            --local-ca --name blog.home.arpa
          (then import ~/.https-wrapper/local-ca/root-certificate.pem as an authority)

        Let's Encrypt for blog.example.org, with port 80 forwarded to 8080 and 443 to 8443:
          java -jar https-wrapper.jar --target 127.0.0.1:4334 --listen 0.0.0.0:8443 \\
            --acme https://acme-v02.api.letsencrypt.org/directory --name blog.example.org \\
            --acme-email admin@example.org --acme-accept-tos --redirect-http 8080

        Two sites on one port: blog.example.org gets its own certificate, everyone else cert.pem:
          java -jar https-wrapper.jar --target 127.0.0.1:4334 --listen 0.0.0.0:8443 \\
            --cert cert.pem --sni blog.example.org=blog.pem

        Try the built-in demo site, then open https://127.0.0.1:8443/ (accept the self-signed certificate):
          java -jar https-wrapper.jar
      """;

  static final String EXPORT_CERT =
      """
      Usage: java -jar https-wrapper.jar export-cert [certificate options] [--out FILE]

      Prints the certificate clients should trust, as PEM, and on standard error which one it is and
      where it came from:
        --local-ca               the local CA's root: trusted once, it covers every certificate the CA
                                 issues, renewals included.
        --self-signed (default)  the self-signed certificate.
        --cert, --keystore       the last certificate of the served chain: the certificate itself when
                                 it comes alone, else the top CA certificate the server sends.
      It takes the options of the server (--state-dir, --name, --key-type, --key, --keystore-password,
      --config FILE...) and loads the certificate as the server does, making the self-signed
      certificate or the local CA in --state-dir if there is none yet: run it before the first start,
      and the server will serve what it printed.

        --out FILE               write the PEM to FILE instead of standard output.
        --help, -h               print this help and exit.

      Exit codes: 0 printed, 1 the certificate cannot be loaded or made, or FILE cannot be written,
      2 bad usage (an --acme certificate needs no export: clients trust its CA already).

      Examples
        java -jar https-wrapper.jar export-cert --local-ca --out https-wrapper-ca.pem
        java -jar https-wrapper.jar export-cert --config /etc/https-wrapper/site.conf > ca.pem
      """;

  static final String TRUST =
      """
      Usage: java -jar https-wrapper.jar trust [certificate options]

      Prints where the certificate clients should trust is (the local CA's root with --local-ca, else
      the served certificate, as export-cert chooses it) and exactly how to trust it: curl --cacert,
      Java keytool -importcert, Firefox and Chromium settings, and the certutil line for Chromium on
      Linux. It takes the options of the server (--state-dir, --local-ca, --cert, --keystore,
      --listen for the curl line, --config FILE...) and makes the certificate in --state-dir if there
      is none yet, as the server would, so it may run before the first start.

        --help, -h               print this help and exit.

      Exit codes: 0 printed, 1 the certificate cannot be loaded or made, 2 bad usage.

      Example
        java -jar https-wrapper.jar trust --local-ca --state-dir /var/lib/https-wrapper
      """;

  static final String HASH_PASSWORD =
      """
      Usage: java -jar https-wrapper.jar hash-password [--user NAME]

      Prints the bcrypt hash of a password, for --user NAME:HASH, or with --user a whole line for the
      --htpasswd file, as htpasswd -nB does. At a terminal it asks for the password twice without
      showing it, also with the output redirected to a file (the questions go to standard error);
      otherwise (a pipe, a file) it reads the first line of standard input, once.

        --user NAME              print NAME:HASH, a line for the htpasswd file. Default: the hash alone.
        --help, -h               print this help and exit.

      Exit codes: 0 printed, 1 standard input cannot be read, 2 bad usage, an empty password, or
      two different passwords typed.

      Examples
        Make a line for alice and add it to the htpasswd file:
          java -jar https-wrapper.jar hash-password --user alice >> htpasswd
        From a script, the password in a variable (printf is a shell builtin, so the password does
        not show in the process list):
          printf '%s\\n' "$PASSWORD" | java -jar https-wrapper.jar hash-password --user alice >> htpasswd
      """;
}
