package io.github.httpswrapper;

import io.github.httpswrapper.cert.CertificateSource;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** A raw TLS client for tests that look at which certificate a connection got. */
final class TlsClient {
  private TlsClient() {}

  /** A client context trusting exactly the certificates in these PEM files. */
  static SSLContext trusting(Path... certificateFiles) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    for (int i = 0; i < certificateFiles.length; i++) {
      try (InputStream in = Files.newInputStream(certificateFiles[i])) {
        trust.setCertificateEntry("c" + i, factory.generateCertificate(in));
      }
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  /**
   * Connects to 127.0.0.1:{@code port} and completes a handshake that asks for {@code serverName} with SNI and
   * checks the certificate against it; with {@code null}, sends no server name and checks the certificate
   * against 127.0.0.1.
   */
  static SSLSocket connect(SSLContext context, int port, String serverName) throws IOException {
    Socket raw = new Socket();
    raw.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    raw.setSoTimeout(10_000);
    String host = serverName == null ? "127.0.0.1" : serverName;
    SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(raw, host, port, true);
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (serverName != null) {
      parameters.setServerNames(List.of(new SNIHostName(serverName)));
    }
    ssl.setSSLParameters(parameters);
    ssl.startHandshake();
    return ssl;
  }

  /** The SHA-256 fingerprint of the certificate the server presented, in {@code Identity}'s format. */
  static String fingerprint(SSLSocket ssl) throws Exception {
    X509Certificate leaf = (X509Certificate) ssl.getSession().getPeerCertificates()[0];
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded());
    StringBuilder sb = new StringBuilder();
    for (byte b : digest) {
      sb.append(sb.length() == 0 ? "" : ":").append(String.format(Locale.ROOT, "%02X", b));
    }
    return sb.toString();
  }

  /** The fingerprint of the certificate in a PEM file pair, as the wrapper would serve it. */
  static String fingerprint(Path certificate, Path key) {
    return CertificateSource.pem(certificate, key).load().sha256Fingerprint();
  }

  /** Sends a keep-alive GET and returns the response body. */
  static String get(SSLSocket ssl, String path) throws IOException {
    OutputStream out = ssl.getOutputStream();
    out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = ssl.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("end of stream in a response head: " + head);
      }
      head.append((char) b);
    }
    String lengthPattern = "(?s).*\r\n[Cc]ontent-[Ll]ength: *([0-9]+)\r\n.*";
    int length = Integer.parseInt(head.toString().replaceAll(lengthPattern, "$1"));
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
