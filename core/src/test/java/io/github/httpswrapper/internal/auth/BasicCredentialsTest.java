package io.github.httpswrapper.internal.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {
  private static String basic(String userColonPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void userAndPasswordAreDecoded() {
    BasicCredentials credentials = BasicCredentials.parse("Basic YWxpY2U6c2VjcmV0");
    assertEquals("alice", credentials.user());
    assertArrayEquals("secret".toCharArray(), credentials.password());
  }

  @Test
  void passwordMayContainColons() {
    BasicCredentials credentials = BasicCredentials.parse(basic("bob:p:ss:word"));
    assertEquals("bob", credentials.user());
    assertArrayEquals("p:ss:word".toCharArray(), credentials.password());
  }

  @Test
  void userAndPasswordAreUtf8() {
    BasicCredentials credentials = BasicCredentials.parse(basic("émile:pâssw0rd€"));
    assertEquals("émile", credentials.user());
    assertArrayEquals("pâssw0rd€".toCharArray(), credentials.password());
  }

  @Test
  void emptyPasswordIsAPassword() {
    assertArrayEquals(new char[0], BasicCredentials.parse(basic("alice:")).password());
  }

  @Test
  void schemeIsCaseInsensitive() {
    assertNotNull(BasicCredentials.parse("bAsIc YWxpY2U6c2VjcmV0"));
  }

  @Test
  void extraSpacesAfterSchemeAndAroundTheValueAreAllowed() {
    assertEquals("alice", BasicCredentials.parse("  Basic    YWxpY2U6c2VjcmV0  ").user());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "Basic",
      "Basic ",
      "Bearer YWxpY2U6c2VjcmV0",
      "Digest username=\"alice\"",
      "BasicYWxpY2U6c2VjcmV0",
      "Basic\tYWxpY2U6c2VjcmV0",
      "Basic YWxpY2U6c2VjcmV0 extra",
      "Basic YWxpY2U6c2VjcmV0!",
      "Basic YWxpY2U6c2VjcmV",
      "Basic YWxpY2U6c2VjcmV0==",
      "Basic YWxpY2U6cx==",
      "Basic YWxpY2U6c2VjcmV0\u00e9",
      "Basic YWxp Y2U6c2VjcmV0",
      "Basic YWxpY2U_c2VjcmV0",
  })
  void malformedHeaderIsNoCredentials(String header) {
    assertNull(BasicCredentials.parse(header));
  }

  @Test
  void missingHeaderIsNoCredentials() {
    assertNull(BasicCredentials.parse(null));
  }

  @Test
  void missingColonIsNoCredentials() {
    assertNull(BasicCredentials.parse(basic("alice")));
  }

  @Test
  void emptyUserIsNoCredentials() {
    assertNull(BasicCredentials.parse(basic(":secret")));
  }

  @Test
  void controlCharacterIsNoCredentials() {
    assertNull(BasicCredentials.parse(basic("al\nice:secret")));
    assertNull(BasicCredentials.parse(basic("alice:sec\u0000ret")));
  }

  @Test
  void invalidUtf8IsNoCredentials() {
    byte[] latin1 = "émile:secret".getBytes(StandardCharsets.ISO_8859_1);
    assertNull(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(latin1)));
  }

  @Test
  void clearOverwritesThePassword() {
    BasicCredentials credentials = BasicCredentials.parse(basic("alice:secret"));
    credentials.clear();
    assertArrayEquals(new char[6], credentials.password());
  }

  @Test
  void toStringHidesThePassword() {
    assertFalse(BasicCredentials.parse(basic("alice:secret")).toString().contains("secret"));
  }

  @Test
  void challengeAnnouncesRealmAndUtf8() {
    assertEquals("Basic realm=\"https-wrapper\", charset=\"UTF-8\"", BasicCredentials.challenge("https-wrapper"));
  }

  @Test
  void challengeEscapesQuotesAndBackslashes() {
    assertEquals(
        "Basic realm=\"say \\\"hi\\\" \\\\ bye\", charset=\"UTF-8\"", BasicCredentials.challenge("say \"hi\" \\ bye"));
  }

  @Test
  void challengeRefusesControlCharacters() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BasicCredentials.challenge("a\r\nSet-Cookie: x"));
    assertEquals(
        "realm 'a??Set-Cookie: x' has a control character at index 1, which cannot be sent in a header: "
            + "use plain text",
        e.getMessage());
  }
}
