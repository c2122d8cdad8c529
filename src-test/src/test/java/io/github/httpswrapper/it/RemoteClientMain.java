package io.github.httpswrapper.it;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A Java client run as its own process inside a {@link RemoteHost}, so that the JDK's HTTP and TLS code talks to
 * the wrapper from a remote address. It trusts only the PEM file it is given and prints what it got on stdout,
 * in a form {@link #parse} reads back:
 *
 * <pre>
 * get URL TRUST.pem [--user USER:PASSWORD] [--header NAME:VALUE]...   one request with HttpClient
 * sequential HOST PORT TRUST.pem REQUEST-FILE...                       raw requests on one connection, in turn
 * pipelined HOST PORT TRUST.pem REQUEST-FILE...                        raw requests written all at once
 * </pre>
 *
 * Exit code 0 when responses were read, 2 for bad arguments; an exception ends it with a stack trace.
 */
public final class RemoteClientMain {
  private static final String RESPONSE = "--- response";
  private static final Pattern CONNECTION = Pattern.compile("--- connection (open|closed)\\s*$");

  private RemoteClientMain() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (args.length >= 2 && args[0].equals("get")) {
      out.println(get(args));
    } else if (args.length >= 5 && (args[0].equals("sequential") || args[0].equals("pipelined"))) {
      SSLContext context = Trust.trusting(Path.of(args[3]));
      InetSocketAddress server = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
      List<byte[]> requests = new ArrayList<>();
      for (int i = 4; i < args.length; i++) {
        requests.add(Files.readAllBytes(Path.of(args[i])));
      }
      RawHttps.Exchange exchange =
          args[0].equals("sequential")
              ? RawHttps.sequential(context, server, requests)
              : RawHttps.pipelined(context, server, requests);
      out.println(exchange);
    } else {
      System.err.println("usage: get URL TRUST.pem [--user U:P] [--header N:V]... | "
          + "sequential|pipelined HOST PORT TRUST.pem REQUEST-FILE...");
      System.exit(2);
    }
  }

  private static RawHttps.Exchange get(String[] args) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(args[1]));
    for (int i = 3; i < args.length; i += 2) {
      switch (args[i]) {
        case "--user" -> request.header("Authorization",
            "Basic " + Base64.getEncoder().encodeToString(args[i + 1].getBytes(StandardCharsets.UTF_8)));
        case "--header" -> {
          int colon = args[i + 1].indexOf(':');
          request.header(args[i + 1].substring(0, colon), args[i + 1].substring(colon + 1).trim());
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    HttpResponse<String> response =
        Trust.client(Path.of(args[2])).send(request.build(), HttpResponse.BodyHandlers.ofString());
    StringBuilder head = new StringBuilder("HTTP/1.1 " + response.statusCode() + " -\r\n");
    for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
      for (String value : header.getValue()) {
        head.append(header.getKey()).append(": ").append(value).append("\r\n");
      }
    }
    head.append("\r\n");
    RawResponse raw = new RawResponse(head.toString(), response.body().getBytes(StandardCharsets.UTF_8));
    return new RawHttps.Exchange(List.of(raw), false);
  }

  /** Reads back what {@link #main} printed. */
  static RawHttps.Exchange parse(String stdout) {
    Matcher end = CONNECTION.matcher(stdout);
    if (!end.find()) {
      throw new AssertionError("no result from the remote client:\n" + stdout);
    }
    List<RawResponse> responses = new ArrayList<>();
    String text = stdout.substring(0, end.start());
    for (String part : text.split(Pattern.quote(RESPONSE + "\n"))) {
      if (part.isEmpty()) {
        continue;
      }
      String withoutNewline = part.endsWith("\n") ? part.substring(0, part.length() - 1) : part;
      int blank = withoutNewline.indexOf("\r\n\r\n");
      String head = withoutNewline.substring(0, blank + 4);
      String body = withoutNewline.substring(blank + 4);
      responses.add(new RawResponse(head, body.getBytes(StandardCharsets.UTF_8)));
    }
    return new RawHttps.Exchange(responses, end.group(1).equals("closed"));
  }
}
