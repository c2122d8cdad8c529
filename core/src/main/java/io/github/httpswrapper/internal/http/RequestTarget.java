package io.github.httpswrapper.internal.http;

/**
 * The three request-target forms a reverse proxy accepts (RFC 9112 section 3.2), split into authority, path
 * and query.
 *
 * @param authority the authority of an absolute-form target, otherwise {@code null}
 * @param path the path, percent-encoding untouched; {@code /} for an absolute target without one; {@code *}
 * @param query the text after the first {@code ?}, or {@code null}
 */
record RequestTarget(String authority, String path, String query) {

  /**
   * @throws HttpException 400 for a character outside visible ASCII, a fragment ({@code #}, never sent in a
   *     request), a form other than origin, absolute http(s) or OPTIONS {@code *}, user information or an
   *     invalid authority in an absolute target
   */
  static RequestTarget parse(String method, String target) throws HttpException {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new HttpException(400, "control, space or non-ASCII character in the request target");
      }
      if (c == '#') {
        throw new HttpException(400, "fragment (#) in the request target");
      }
    }
    if (target.startsWith("/")) {
      return split(null, target);
    }
    if (target.equals("*")) {
      if (!method.equals("OPTIONS")) {
        throw new HttpException(400, "request target * is only allowed with OPTIONS");
      }
      return new RequestTarget(null, "*", null);
    }
    int schemeEnd = schemeLength(target);
    if (schemeEnd < 0) {
      throw new HttpException(
          400, "request target is neither a path, an http(s) URL, nor * (authority-form is only for CONNECT)");
    }
    int end = schemeEnd;
    while (end < target.length() && target.charAt(end) != '/' && target.charAt(end) != '?') {
      end++;
    }
    String authority = target.substring(schemeEnd, end);
    if (authority.indexOf('@') >= 0) {
      throw new HttpException(400, "user information in the request target");
    }
    if (!Syntax.isAuthority(authority)) {
      throw new HttpException(400, "request target has an invalid host[:port]");
    }
    String rest = target.substring(end);
    return split(authority, rest.startsWith("/") ? rest : "/" + rest);
  }

  /** The length of {@code http://} or {@code https://} (any case) at the start of {@code target}, or -1. */
  private static int schemeLength(String target) {
    if (target.regionMatches(true, 0, "http://", 0, 7)) {
      return 7;
    }
    if (target.regionMatches(true, 0, "https://", 0, 8)) {
      return 8;
    }
    return -1;
  }

  private static RequestTarget split(String authority, String pathAndQuery) {
    int question = pathAndQuery.indexOf('?');
    return question < 0
        ? new RequestTarget(authority, pathAndQuery, null)
        : new RequestTarget(
            authority, pathAndQuery.substring(0, question), pathAndQuery.substring(question + 1));
  }
}
