package io.github.httpswrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
  @Test
  void trustedNetworkAllowsEveryClient() {
    AccessPolicy policy = AccessPolicy.trustedNetwork();
    assertEquals("trusted-network", policy.name());
    assertEquals(List.of("any client: allow"), policy.describeRules());
  }

  @Test
  void rulesReadAsTheyWereWritten() {
    AccessPolicy policy =
        AccessPolicy.builder()
            .rule(Rule.from("192.168.1.0/24").methods("get", "HEAD").paths("/blog").allow())
            .rule(Rule.anyClient().deny())
            .build();
    assertEquals(
        List.of("clients in [192.168.1.0/24], methods [GET, HEAD], paths [/blog]: allow", "any client: deny"),
        policy.describeRules());
    assertEquals("custom", policy.name());
  }

  @Test
  void aPolicyWithoutRulesIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AccessPolicy.builder().build());
    assertEquals(
        "an access policy needs at least one rule, e.g. rule(Rule.anyClient().allow())", e.getMessage());
  }

  @Test
  void aPasswordRuleWithoutUsersIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AccessPolicy.builder().rule(Rule.anyClient().requirePassword()).build());
    assertEquals(
        "rule 1 (any client: password required) asks for a password, but the policy has no users:"
            + " call users(Users.htpasswd(path)) or users(Users.builder()...)",
        e.getMessage());
  }

  @Test
  void aRuleAfterACatchAllCanNeverMatchAndIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AccessPolicy.builder()
                    .rule(Rule.anyClient().allow())
                    .rule(Rule.fromLoopback().paths("/admin").deny())
                    .rule(Rule.anyClient().deny())
                    .build());
    assertEquals(
        "rule 2 (loopback clients, paths [/admin]: deny) can never match: rule 1 (any client: allow) before it"
            + " matches every request",
        e.getMessage());
  }

  @Test
  void aPathPrefixMustStartWithASlash() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Rule.anyClient().paths("admin"));
    assertEquals("a path prefix starts with '/', e.g. \"/admin\"; was \"admin\"", e.getMessage());
  }

  @Test
  void aRuleFromNoBlocksIsRefused() {
    assertThrows(IllegalArgumentException.class, Rule::from);
  }

  @Test
  void plainTcpCannotCarryAnAccessPolicy() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                HttpsWrapper.forTarget("127.0.0.1", 1)
                    .plainTcp()
                    .accessPolicy(AccessPolicy.trustedNetwork())
                    .build());
    assertEquals(
        "plainTcp() relays bytes without reading requests, so an access policy cannot be checked:"
            + " use allow(...)/deny(...) for connection-level rules, or drop plainTcp()",
        e.getMessage());
  }
}
