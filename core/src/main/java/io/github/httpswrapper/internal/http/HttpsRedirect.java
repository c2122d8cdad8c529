package io.github.httpswrapper.internal.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer to a plain-HTTP request: a permanent redirect to the same URL on {@code https://}, or a
 * {@code 400} when the request names no usable host. Never forwards anything, never asks for a password.
 */
public final class HttpsRedirect {
  private static final Pattern HOST =
      Pattern.compile("^(?<name>[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?$");
  private static final Pattern ORIGIN_FORM = Pattern.compile("^/[!-~]*$");

  private HttpsRedirect() {}

  /**
   * The redirect for one request: {@code 301} for GET and HEAD (cached by browsers), {@code 308} for other
   * methods (which keeps the method and body on the retry).
   *
   * @param host the request's {@code Host} header, or {@code null}
   * @param target the request-target as sent
   * @param httpsPort the port of the https listener; 443 is left out of the URL
   */
  public static OwnResponse answer(String method, String host, String target, int httpsPort) {
    String url = url(host, target, httpsPort);
    if (url == null) {
      return OwnResponse.of(
              400,
              "This address serves HTTPS only, and the request names no usable host: use https://"
                  + "<host>" + (httpsPort == 443 ? "" : ":" + httpsPort) + "/")
          .closing();
    }
    boolean safe = "GET".equals(method) || "HEAD".equals(method);
    return OwnResponse.of(safe ? 301 : 308, "This address serves HTTPS only: use " + url)
        .header("Location", url)
        .closing();
  }

  /** The https URL for a request, or {@code null} when {@code host} is missing or malformed. */
  static String url(String host, String target, int httpsPort) {
    if (host == null) {
      return null;
    }
    Matcher m = HOST.matcher(host.trim());
    if (!m.matches()) {
      return null;
    }
    String path = target != null && ORIGIN_FORM.matcher(target).matches() ? target : "/";
    return "https://" + m.group("name") + (httpsPort == 443 ? "" : ":" + httpsPort) + path;
  }
}
