package io.github.httpswrapper.cert.internal;

import io.github.httpswrapper.cert.CertificateMaterialException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SignatureException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The checks every identity passes: the key matches a certificate, the chain is in order, the leaf is valid. */
public final class IdentityChecks {
  private static final Logger log = LoggerFactory.getLogger(IdentityChecks.class);
  private static final Duration EXPIRY_WARNING = Duration.ofDays(14);
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private IdentityChecks() {}

  /**
   * The chain that starts at the certificate matching {@code key} and continues with each certificate's issuer,
   * as far as the given certificates reach. Certificates that are not part of that chain are left out, with a
   * warning naming them, since sending them would only confuse clients.
   *
   * @throws CertificateMaterialException when no certificate matches the key
   */
  public static List<X509Certificate> leafFirst(
      PrivateKey key, List<X509Certificate> certificates, String origin) {
    Objects.requireNonNull(key, "key");
    certificates.forEach(c -> Objects.requireNonNull(c, "certificate"));
    if (certificates.isEmpty()) {
      throw new CertificateMaterialException(origin + " holds no certificate: a private key needs its certificate");
    }
    int leaf = indexOfLeaf(key, certificates);
    if (leaf < 0) {
      throw new CertificateMaterialException(
          origin + ": the private key does not match "
              + (certificates.size() == 1 ? "the certificate" : "any of the " + certificates.size() + " certificates")
              + ": use the certificate that was issued for this key");
    }
    List<X509Certificate> rest = new ArrayList<>(certificates);
    List<X509Certificate> chain = new ArrayList<>();
    X509Certificate current = rest.remove(leaf);
    chain.add(current);
    while (!isSelfIssued(current)) {
      X509Certificate issuer = issuerOf(current, rest);
      if (issuer == null) {
        break;
      }
      rest.remove(issuer);
      chain.add(issuer);
      current = issuer;
    }
    rest.removeAll(chain);
    if (!rest.isEmpty()) {
      log.warn("{}: ignoring {} certificate(s) that are not in the chain of {}: {}",
          origin, rest.size(), subject(chain.get(0)), subjects(rest));
    }
    return List.copyOf(chain);
  }

  /** The index of the certificate whose public key matches {@code key}, or -1. */
  static int indexOfLeaf(PrivateKey key, List<X509Certificate> certificates) {
    for (int i = 0; i < certificates.size(); i++) {
      if (KeyMatch.matches(key, certificates.get(i).getPublicKey())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Refuses a leaf certificate that has expired or is not valid yet (every client would refuse it too), and
   * warns when it expires within 14 days.
   */
  public static void requireCurrentlyValid(X509Certificate leaf, String origin) {
    Instant now = Instant.now();
    Instant notBefore = leaf.getNotBefore().toInstant();
    Instant notAfter = leaf.getNotAfter().toInstant();
    if (now.isAfter(notAfter)) {
      throw new CertificateMaterialException(
          origin + ": the certificate (" + subject(leaf) + ") expired on " + notAfter
              + ": renew it, or use a generated certificate");
    }
    if (now.isBefore(notBefore)) {
      throw new CertificateMaterialException(
          origin + ": the certificate (" + subject(leaf) + ") is not valid until " + notBefore
              + ": check this machine's clock, or wait until then");
    }
    Duration left = Duration.between(now, notAfter);
    if (left.compareTo(EXPIRY_WARNING) < 0) {
      log.warn("{}: the certificate ({}) expires in {} day(s), on {}: renew it soon",
          origin, subject(leaf), left.toDays(), notAfter);
    }
  }

  /** The SHA-256 digest of the certificate's DER encoding as uppercase hex pairs joined by colons. */
  public static String sha256Fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      // Every JDK has SHA-256, and a parsed certificate always has its encoding.
      throw new IllegalStateException("cannot fingerprint " + subject(certificate), e);
    }
  }

  /**
   * The DNS names and IP addresses among the certificate's subject alternative names, in certificate order. IP
   * addresses are spelled canonically (IPv6 compressed: {@code ::1}); other kinds of names are left out.
   */
  public static List<String> subjectAlternativeNames(X509Certificate certificate) {
    Collection<List<?>> entries;
    try {
      entries = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      log.warn("cannot read the subject alternative names of {}: {}", subject(certificate), e.getMessage());
      return List.of();
    }
    if (entries == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (List<?> entry : entries) {
      int type = (Integer) entry.get(0);
      if (type == DNS_NAME) {
        names.add((String) entry.get(1));
      } else if (type == IP_ADDRESS) {
        String address = (String) entry.get(1);
        names.add(HostNames.isIpAddress(address) ? HostNames.format(HostNames.ipAddress(address)) : address);
      }
    }
    return List.copyOf(names);
  }

  static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }

  private static boolean isSelfIssued(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
  }

  /** The certificate that signed {@code child}: same name as its issuer, and the signature checks out. */
  private static X509Certificate issuerOf(X509Certificate child, List<X509Certificate> candidates) {
    X509Certificate sameName = null;
    for (X509Certificate candidate : candidates) {
      if (candidate.getSubjectX500Principal().equals(child.getIssuerX500Principal())) {
        try {
          child.verify(candidate.getPublicKey());
          return candidate;
        } catch (SignatureException | InvalidKeyException e) {
          // Two CAs can share a name (a re-keyed CA): this one's key did not sign the certificate.
        } catch (GeneralSecurityException e) {
          // The signature cannot be checked here (an algorithm this JDK lacks): the name is the best evidence.
          sameName = sameName == null ? candidate : sameName;
        }
      }
    }
    return sameName;
  }

  private static String subjects(List<X509Certificate> certificates) {
    return certificates.stream().map(IdentityChecks::subject).collect(Collectors.joining("; ", "[", "]"));
  }
}
