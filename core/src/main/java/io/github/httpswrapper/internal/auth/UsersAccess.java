package io.github.httpswrapper.internal.auth;

import io.github.httpswrapper.Users;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the relay gets from a public {@link Users} to the {@link UserStore} behind it, without a public method
 * on {@code Users} that would show the store to applications.
 *
 * <p>{@code Users} hands over its accessor from its static initializer. Holding a {@code Users} means that
 * initializer has run, so {@link #storeOf} always finds the accessor. This package is not exported, and only
 * {@code Users} itself may install the accessor.
 */
public final class UsersAccess {
  private static volatile Function<Users, UserStore> stores;

  private UsersAccess() {}

  /**
   * Called once, by {@code Users}.
   *
   * @throws IllegalStateException when called from anywhere else, or twice
   */
  public static void install(Function<Users, UserStore> accessor) {
    Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
    if (caller != Users.class) {
      throw new IllegalStateException("only Users installs its accessor, not " + caller.getName());
    }
    synchronized (UsersAccess.class) {
      if (stores != null) {
        throw new IllegalStateException("the Users accessor is already installed");
      }
      stores = Objects.requireNonNull(accessor);
    }
  }

  /**
   * The store that checks passwords for {@code users}: one per {@code Users} value, shared by every wrapper
   * that uses it.
   *
   * @throws IllegalArgumentException when {@code users} has plaintext passwords and did not allow them
   */
  public static UserStore storeOf(Users users) {
    Objects.requireNonNull(users, "users");
    return stores.apply(users);
  }
}
