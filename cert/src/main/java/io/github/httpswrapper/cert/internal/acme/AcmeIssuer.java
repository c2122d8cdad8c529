package io.github.httpswrapper.cert.internal.acme;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.Identity;
import java.io.IOException;
import java.net.URI;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.PollableResource;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.exception.AcmeException;

/**
 * Obtains one certificate from an ACME CA (RFC 8555), start to finish.
 *
 * <ol>
 *   <li><b>Account.</b> The account is the account key: registering the same key again finds the existing
 *       account. Registering a new one accepts the CA's terms of service, so without
 *       {@code acceptTermsOfService()} only an existing account is used.
 *   <li><b>Order</b> for the domains. The CA answers with one authorization per domain still to be proved.
 *   <li><b>HTTP-01.</b> For each, the CA names a token; its key authorization goes into the
 *       {@link ChallengeTable}, the CA is told to look, and it fetches
 *       {@code http://<domain>/.well-known/acme-challenge/<token>}, which the wrapper's plain-HTTP listener
 *       answers from the table.
 *   <li><b>Finalize</b> with a certificate signing request for a new EC P-256 key (a new key with every
 *       certificate, so an old key that leaked does not outlive its certificate).
 *   <li><b>Download</b> the chain and store it with the key.
 * </ol>
 *
 * <p>Each wait (all the domains' validation; processing the order; issuing) is bounded by {@link #WAIT_LIMIT}.
 */
final class AcmeIssuer {
  /** How long the CA may take to validate the domains, and again to issue. */
  static final Duration WAIT_LIMIT = Duration.ofSeconds(60);
  private static final Set<Status> AUTHORIZATION_DONE =
      EnumSet.of(Status.VALID, Status.INVALID, Status.DEACTIVATED, Status.EXPIRED, Status.REVOKED);
  private static final Set<Status> ORDER_READY = EnumSet.of(Status.READY, Status.VALID, Status.INVALID);
  private static final Set<Status> ORDER_DONE = EnumSet.of(Status.VALID, Status.INVALID);

  private final AcmeConfig config;
  private final AcmeStore store;
  private final ChallengeTable challenges;
  private final AcmeProblems problems;
  private final Clock clock;

  AcmeIssuer(AcmeConfig config, AcmeStore store, ChallengeTable challenges, Clock clock) {
    this.config = config;
    this.store = store;
    this.challenges = challenges;
    this.problems = new AcmeProblems(config);
    this.clock = clock;
  }

  /**
   * Obtains and stores a new certificate.
   *
   * @throws CertificateMaterialException when any step fails; the message says which and what to do
   */
  Identity issue() throws IOException {
    try {
      Session session = AcmeConnections.open(config.directory(), config.trustedRoots());
      Login login = login(session);
      Order order = login.getAccount().newOrder().domains(config.domains()).create();
      authorize(order);
      if (await(order, ORDER_READY, "processing the order", deadline()) != Status.READY) {
        throw problems.orderFailed(order.getError());
      }
      KeyPair key = Keys.newP256();
      order.execute(key);
      if (await(order, ORDER_DONE, "issuing the certificate", deadline()) != Status.VALID) {
        throw problems.orderFailed(order.getError());
      }
      return store.saveCertificate(key, order.getCertificate().getCertificateChain());
    } catch (AcmeException e) {
      throw problems.of(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CertificateMaterialException(config.description() + ": interrupted while waiting for the ACME"
          + " server", e);
    }
  }

  private Login login(Session session) throws AcmeException, IOException {
    boolean mayRegister = config.termsOfServiceAccepted();
    if (!mayRegister && !store.hasAccountKey()) {
      // Without a key there can be no existing account: fail before making one.
      throw problems.termsNotAccepted(termsOfService(session));
    }
    AccountBuilder account = new AccountBuilder().useKeyPair(store.accountKey());
    if (config.email() != null) {
      account.addEmail(config.email());
    }
    if (mayRegister) {
      account.agreeToTermsOfService();
    } else {
      account.onlyExisting();
    }
    try {
      return account.createLogin(session);
    } catch (AcmeException e) {
      if (!mayRegister && AcmeProblems.isUnknownAccount(e)) {
        throw problems.termsNotAccepted(termsOfService(session));
      }
      throw e;
    }
  }

  private static Optional<URI> termsOfService(Session session) {
    try {
      return session.getMetadata().getTermsOfService();
    } catch (AcmeException | RuntimeException e) {
      // Only a hint for the message: a CA that cannot be asked gets the message without the link.
      return Optional.empty();
    }
  }

  /** Proves control of every domain still pending; the CA validates them in parallel. */
  private void authorize(Order order) throws AcmeException, InterruptedException {
    List<Authorization> pending = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    try {
      for (Authorization authorization : order.getAuthorizations()) {
        if (authorization.getStatus() == Status.VALID) {
          continue;
        }
        Http01Challenge challenge = http01(authorization);
        challenges.publish(challenge.getToken(), challenge.getAuthorization());
        tokens.add(challenge.getToken());
        pending.add(authorization);
        if (challenge.getStatus() == Status.PENDING) {
          challenge.trigger();
        }
      }
      Instant deadline = deadline();
      for (Authorization authorization : pending) {
        String domain = authorization.getIdentifier().getDomain();
        Status status = await(authorization, AUTHORIZATION_DONE, "validating " + domain, deadline);
        if (status != Status.VALID) {
          throw problems.validationFailed(domain, http01(authorization).getError());
        }
      }
    } finally {
      tokens.forEach(challenges::withdraw);
    }
  }

  private Http01Challenge http01(Authorization authorization) {
    return authorization.findChallenge(Http01Challenge.class)
        .orElseThrow(() -> problems.noHttpChallenge(authorization.getIdentifier().getDomain()));
  }

  private Instant deadline() {
    return clock.instant().plus(WAIT_LIMIT);
  }

  private Status await(PollableResource resource, Set<Status> wanted, String what, Instant deadline)
      throws AcmeException, InterruptedException {
    Status status = Polling.await(resource, wanted, deadline, clock);
    if (!wanted.contains(status)) {
      throw problems.timedOut(what, WAIT_LIMIT.toSeconds());
    }
    return status;
  }
}
