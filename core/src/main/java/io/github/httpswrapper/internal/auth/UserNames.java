package io.github.httpswrapper.internal.auth;

/** The rules for user names: what HTTP Basic can carry and an htpasswd line can hold. */
public final class UserNames {
  private UserNames() {}

  /**
   * Checks {@code name} for use in an htpasswd file or in code.
   *
   * @throws IllegalArgumentException saying what is wrong with the name
   */
  public static void check(String name) {
    String problem = problem(name);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** What is wrong with {@code name}, or {@code null} when it can be used. */
  static String problem(String name) {
    if (name.isEmpty()) {
      return "a user name must not be empty";
    }
    if (name.indexOf(':') >= 0) {
      return "user name '" + name + "' contains ':', which separates name and password in HTTP Basic and "
          + "htpasswd files: choose a name without it";
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        return "user name '" + printable(name) + "' contains a control character: choose a name without it";
      }
    }
    if (!name.strip().equals(name)) {
      return "user name '" + name + "' starts or ends with white space, which htpasswd files drop: "
          + "remove it";
    }
    if (name.startsWith("#")) {
      return "user name '" + name + "' starts with '#', which marks a comment in htpasswd files: "
          + "choose a name without it";
    }
    return null;
  }

  private static String printable(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }
}
