package io.github.httpswrapper.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.httpswrapper.Users;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsersAccessTest {
  @Test
  void onlyUsersMayInstallTheAccessor() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> UsersAccess.install(users -> null));
    assertEquals("only Users installs its accessor, not " + UsersAccessTest.class.getName(), e.getMessage());
  }

  @Test
  void storeIsReachedFromUsers() {
    Users users = Users.of(Map.of("dave", Fixtures.DAVE_SHA));
    UserStore store = UsersAccess.storeOf(users);
    assertEquals(true, store.verify("dave", Fixtures.DAVE_PASSWORD.toCharArray()));
  }
}
