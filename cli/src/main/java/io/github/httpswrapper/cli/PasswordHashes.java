package io.github.httpswrapper.cli;

import java.util.regex.Pattern;

/**
 * Recognises the password hashes an htpasswd file may hold, so that {@code --user NAME:HASH} can refuse a
 * password typed in place of the hash before it is used as one.
 */
final class PasswordHashes {
  /** bcrypt as {@code htpasswd -B} writes it ({@code $2y$}), and the {@code $2a$}/{@code $2b$} variants. */
  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$[0-3][0-9]\\$[./A-Za-z0-9]{53}");
  /** Apache's MD5 ({@code htpasswd -m}, the old default). */
  private static final Pattern APR1 = Pattern.compile("\\$apr1\\$[^$:]{1,8}\\$[./A-Za-z0-9]{22}");
  /** Unsalted SHA-1 ({@code htpasswd -s}): weak, but still found in old files. */
  private static final Pattern SHA1 = Pattern.compile("\\{SHA\\}[A-Za-z0-9+/]{27}=");

  private PasswordHashes() {}

  /** Whether {@code text} has the exact shape of a bcrypt, APR1 or {@code {SHA}} hash. */
  static boolean isHash(String text) {
    return BCRYPT.matcher(text).matches() || APR1.matcher(text).matches() || SHA1.matcher(text).matches();
  }
}
