package io.github.httpswrapper.cert.internal.acme;

import io.github.httpswrapper.cert.CertificateMaterialException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeNetworkException;
import org.shredzone.acme4j.exception.AcmeRateLimitedException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.exception.AcmeUserActionRequiredException;

/**
 * Turns what went wrong in an ACME exchange into a message a person can act on: which step, what the CA said,
 * and what to change. Every message starts with the source's description.
 */
final class AcmeProblems {
  private static final String ACCOUNT_DOES_NOT_EXIST = "urn:ietf:params:acme:error:accountDoesNotExist";

  private final String origin;
  private final URI directory;

  AcmeProblems(AcmeConfig config) {
    this.origin = config.description();
    this.directory = config.directory();
  }

  /** Registering an account accepts the CA's terms of service, which only the operator can do. */
  CertificateMaterialException termsNotAccepted(Optional<URI> termsOfService) {
    return new CertificateMaterialException(
        origin + ": registering an ACME account accepts the certificate authority's terms of service"
            + termsOfService.map(uri -> " (" + uri + ")").orElse("")
            + ": read them, then call acceptTermsOfService() or pass --acme-accept-tos");
  }

  /** Whether the CA said that the account key belongs to no account (asked for with onlyExisting). */
  static boolean isUnknownAccount(AcmeException e) {
    return e instanceof AcmeServerException
        && ACCOUNT_DOES_NOT_EXIST.equals(String.valueOf(((AcmeServerException) e).getType()));
  }

  /** The CA tried to fetch the challenge answer over plain HTTP and did not get it. */
  CertificateMaterialException validationFailed(String domain, Optional<Problem> problem) {
    return new CertificateMaterialException(
        origin + ": the ACME server could not validate " + domain + " over HTTP-01"
            + problem.map(p -> " (" + describe(p) + ")").orElse("")
            + ": port 80 of " + domain + " must reach this wrapper's --redirect-http listener, which answers"
            + " http://" + domain + "/.well-known/acme-challenge/...");
  }

  /** The CA offers no HTTP-01 challenge for a domain (some only allow DNS-01 for some names). */
  CertificateMaterialException noHttpChallenge(String domain) {
    return new CertificateMaterialException(
        origin + ": the ACME server offers no HTTP-01 challenge for " + domain + ": this wrapper can only"
            + " answer HTTP-01; obtain this certificate with another ACME client and use pem(...)");
  }

  /** A wait for the CA ran past its bound. */
  CertificateMaterialException timedOut(String what, long seconds) {
    return new CertificateMaterialException(
        origin + ": the ACME server did not finish " + what + " within " + seconds + " s: try again later,"
            + " and check the server's status page");
  }

  /** An order that ended invalid for a reason other than a failed challenge. */
  CertificateMaterialException orderFailed(Optional<Problem> problem) {
    return new CertificateMaterialException(
        origin + ": the ACME server refused to issue the certificate"
            + problem.map(p -> " (" + describe(p) + ")").orElse("") + ": check the domains, then try again");
  }

  /** Any failure acme4j reports. */
  CertificateMaterialException of(AcmeException e) {
    if (e instanceof AcmeNetworkException) {
      return network(e);
    }
    if (e instanceof AcmeUserActionRequiredException) {
      AcmeUserActionRequiredException action = (AcmeUserActionRequiredException) e;
      return new CertificateMaterialException(
          origin + ": the ACME server needs a person to act (" + describe(action.getProblem()) + "): visit "
              + action.getInstance() + ", then try again", e);
    }
    if (e instanceof AcmeRateLimitedException) {
      AcmeRateLimitedException limited = (AcmeRateLimitedException) e;
      return new CertificateMaterialException(
          origin + ": the ACME server's rate limit was reached (" + describe(limited.getProblem()) + "): "
              + limited.getRetryAfter().map(at -> "try again after " + at).orElse("try again later")
              + "; keep the state directory between runs so that certificates are reused", e);
    }
    if (e instanceof AcmeServerException) {
      return new CertificateMaterialException(
          origin + ": the ACME server refused the request ("
              + describe(((AcmeServerException) e).getProblem()) + ")", e);
    }
    return new CertificateMaterialException(
        origin + ": the exchange with the ACME server failed (" + e.getMessage() + "): check that " + directory
            + " is an ACME directory", e);
  }

  private CertificateMaterialException network(AcmeException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return new CertificateMaterialException(
            origin + ": cannot verify the HTTPS certificate of the ACME server at " + directory + " ("
                + t.getMessage() + "): if it is issued by a private CA, pass that CA's certificate with"
                + " trustedRoots(...) or --acme-ca", e);
      }
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof HttpTimeoutException) {
        return unreachable(t, e);
      }
    }
    return unreachable(cause, e);
  }

  private CertificateMaterialException unreachable(Throwable why, AcmeException e) {
    String reason;
    if (why instanceof ConnectException) {
      // The JDK's HTTP client leaves the message empty when nothing listens.
      reason = why.getMessage() == null ? "connection refused" : why.getMessage();
    } else if (why instanceof UnknownHostException) {
      reason = "unknown host " + why.getMessage();
    } else if (why instanceof HttpTimeoutException) {
      reason = "timed out";
    } else {
      reason = why.getMessage() == null ? why.getClass().getSimpleName() : why.toString();
    }
    return new CertificateMaterialException(
        origin + ": cannot reach the ACME server at " + directory + " (" + reason + "): check the directory URL"
            + " and that this machine can open HTTPS connections to it", e);
  }

  private static String describe(Problem problem) {
    String type = String.valueOf(problem.getType());
    String shortType = type.substring(type.lastIndexOf(':') + 1);
    return shortType + ": " + problem.getDetail().orElse(problem.getTitle().orElse("no detail given"));
  }
}
