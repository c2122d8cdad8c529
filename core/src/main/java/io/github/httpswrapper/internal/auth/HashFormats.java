package io.github.httpswrapper.internal.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the hash formats of htpasswd files. Accepted: bcrypt ({@code $2y$}, {@code $2b$}, {@code $2a$}),
 * APR1 ({@code $apr1$}) and {@code {SHA}}. Refused because they are weak or not portable: {@code crypt(3)} DES
 * (13 characters), {@code $1$}, {@code $5$}, {@code $6$} and other {@code $id$} or {@code {SCHEME}} formats.
 * Anything else is taken to be a plaintext password.
 */
final class HashFormats {
  private static final Pattern CRYPT_DES = Pattern.compile("[./0-9A-Za-z]{13}");
  private static final Pattern DOLLAR_ID = Pattern.compile("\\$([^$]{1,8})\\$.*");
  private static final Pattern BRACED_SCHEME = Pattern.compile("\\{([A-Za-z0-9-]{1,16})\\}.*");

  private HashFormats() {}

  /**
   * The parsed hash; a {@link PlaintextPassword} when the text looks like no hash at all (the caller decides
   * whether that is allowed).
   *
   * @throws RefusedHashException naming the format in a few words ("crypt DES") when it is a format this
   *     wrapper does not accept or a malformed hash of an accepted one
   */
  static PasswordHash parse(String text) throws RefusedHashException {
    if (Bcrypt.looksLike(text)) {
      return Bcrypt.parse(text);
    }
    if (Apr1.looksLike(text)) {
      return Apr1.parse(text);
    }
    if (Sha1Hash.looksLike(text)) {
      return Sha1Hash.parse(text);
    }
    Matcher dollar = DOLLAR_ID.matcher(text);
    if (dollar.matches()) {
      throw new RefusedHashException(dollarFormat(dollar.group(1)));
    }
    Matcher braced = BRACED_SCHEME.matcher(text);
    if (braced.matches()) {
      throw new RefusedHashException("{" + braced.group(1) + "}");
    }
    if (CRYPT_DES.matcher(text).matches()) {
      // A 13-character password from this alphabet is indistinguishable from a DES hash; refusing it is
      // safer than accepting a hash as a password.
      throw new RefusedHashException("crypt DES");
    }
    return PlaintextPassword.of(text);
  }

  private static String dollarFormat(String id) {
    switch (id) {
      case "1":
        return "MD5-crypt $1$";
      case "5":
        return "SHA-256-crypt $5$";
      case "6":
        return "SHA-512-crypt $6$";
      case "2x":
        return "bcrypt $2x$, made by a buggy implementation";
      default:
        return "$" + id + "$";
    }
  }
}
