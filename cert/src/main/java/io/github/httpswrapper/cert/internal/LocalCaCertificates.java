package io.github.httpswrapper.cert.internal;

import io.github.httpswrapper.cert.KeyAlgorithm;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the two kinds of certificate a local CA needs: its root, and the server (leaf) certificates it issues.
 *
 * <p>The extensions are those that OpenSSL, the JDK and browsers check when they build a chain. The root says it
 * is a CA that may sign only end-entity certificates (path length 0) and nothing but certificates and revocation
 * lists; the leaf says it is not a CA, is for TLS servers, and names its issuer's key (authority key identifier =
 * the root's subject key identifier), so a client picks the right root even when several have the same name.
 */
final class LocalCaCertificates {
  static final String ORGANIZATION = "https-wrapper local CA";
  private static final SecureRandom RANDOM = new SecureRandom();

  private LocalCaCertificates() {}

  /** A new ECDSA P-256 root, self-signed, valid from {@code notBefore} to {@code notAfter}. */
  static KeyAndCertificate root(String commonName, Instant notBefore, Instant notAfter) {
    try {
      KeyPair pair = keyPair(KeyAlgorithm.ECDSA_P256);
      X500Name subject = name(commonName);
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
          subject, serial(), Date.from(notBefore), Date.from(notAfter), subject, pair.getPublic());
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false,
              new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
      return new KeyAndCertificate(pair.getPrivate(), sign(builder, pair.getPrivate()));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      // Only a JDK without EC support gets here.
      throw new IllegalStateException("cannot generate the local CA root: " + e.getMessage(), e);
    }
  }

  /**
   * A new key pair and a server certificate for {@code names} (canonical spellings, see {@link HostNames}),
   * signed by {@code root}.
   *
   * @param commonName the subject's CN, which browsers show; clients match only the alternative names
   */
  static KeyAndCertificate leaf(
      X509Certificate root, PrivateKey rootKey, KeyAlgorithm algorithm, String commonName, List<String> names,
      Instant notBefore, Instant notAfter) {
    try {
      KeyPair pair = keyPair(algorithm);
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
          root, serial(), Date.from(notBefore), Date.from(notAfter), name(commonName), pair.getPublic());
      // Key encipherment matters only for RSA key exchange (TLS 1.2 and older); ECDSA keys only sign.
      int usage = algorithm == KeyAlgorithm.RSA_2048
          ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
          : KeyUsage.digitalSignature;
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()))
          .addExtension(Extension.authorityKeyIdentifier, false,
              new AuthorityKeyIdentifier(keyIdentifier(root, utils)))
          .addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(names));
      return new KeyAndCertificate(pair.getPrivate(), sign(builder, rootKey));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot issue a " + algorithm + " certificate: " + e.getMessage(), e);
    }
  }

  /** The root's own subject key identifier, so the two always agree; a hash of its key if it has none. */
  private static byte[] keyIdentifier(X509Certificate root, JcaX509ExtensionUtils utils)
      throws IOException {
    byte[] extension = root.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (extension == null) {
      return utils.createSubjectKeyIdentifier(root.getPublicKey()).getKeyIdentifier();
    }
    return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets())
        .getKeyIdentifier();
  }

  private static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, ORGANIZATION)
        .addRDN(BCStyle.CN, commonName)
        .build();
  }

  /** 128 random bits with the top bit forced on: positive, never zero, and always the same length. */
  private static BigInteger serial() {
    return new BigInteger(128, RANDOM).setBit(127);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
      throws GeneralSecurityException, OperatorCreationException {
    String algorithm = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
  }

  private static KeyPair keyPair(KeyAlgorithm algorithm) throws GeneralSecurityException {
    if (algorithm == KeyAlgorithm.RSA_2048) {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048, RANDOM);
      return rsa.generateKeyPair();
    }
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return ec.generateKeyPair();
  }

  private static GeneralNames subjectAlternativeNames(List<String> names) {
    GeneralName[] general = new GeneralName[names.size()];
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      general[i] = HostNames.isIpAddress(name)
          ? new GeneralName(GeneralName.iPAddress, name)
          : new GeneralName(GeneralName.dNSName, name);
    }
    return new GeneralNames(general);
  }

  /** Whether {@code certificate} names {@code root} as its issuer and carries its signature. */
  static boolean issuedBy(X509Certificate certificate, X509Certificate root) {
    if (!certificate.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
      return false;
    }
    try {
      certificate.verify(root.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
