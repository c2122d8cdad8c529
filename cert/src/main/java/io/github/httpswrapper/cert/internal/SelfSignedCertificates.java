package io.github.httpswrapper.cert.internal;

import io.github.httpswrapper.cert.KeyAlgorithm;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes a self-signed server certificate: a leaf that is its own issuer, for the names it is given.
 *
 * <p>It is marked as what it is, an end-entity certificate for TLS servers (not a CA, key usage for signing,
 * extended key usage serverAuth), because browsers and the JDK check these. Keys and signatures come from the
 * JDK's providers; BouncyCastle only assembles the certificate.
 */
final class SelfSignedCertificates {
  static final String ORGANIZATION = "https-wrapper self-signed";
  private static final SecureRandom RANDOM = new SecureRandom();

  private SelfSignedCertificates() {}

  /**
   * Generates a key pair and a certificate for {@code names} (canonical spellings, see {@link HostNames}), valid
   * from an hour ago, so that clients with a slightly slow clock accept it too, until {@code validity} from now.
   *
   * @param commonName the subject's CN, which browsers show; clients match only the alternative names
   */
  static KeyAndCertificate generate(KeyAlgorithm algorithm, String commonName, List<String> names, Duration validity) {
    try {
      KeyPair pair = keyPair(algorithm);
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
          .addRDN(BCStyle.O, ORGANIZATION)
          .addRDN(BCStyle.CN, commonName)
          .build();
      // 128 random bits with the top bit forced on: positive, never zero, and always the same length.
      BigInteger serial = new BigInteger(128, RANDOM).setBit(127);
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
          subject, serial, Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject,
          pair.getPublic());
      addExtensions(builder, pair, algorithm, names);
      String signatureAlgorithm = algorithm == KeyAlgorithm.RSA_2048 ? "SHA256withRSA" : "SHA256withECDSA";
      X509Certificate certificate = new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate())));
      return new KeyAndCertificate(pair.getPrivate(), certificate);
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      // Only a JDK without EC or RSA support gets here.
      throw new IllegalStateException("cannot generate a " + algorithm + " certificate: " + e.getMessage(), e);
    }
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

  private static void addExtensions(
      X509v3CertificateBuilder builder, KeyPair pair, KeyAlgorithm algorithm, List<String> names)
      throws GeneralSecurityException, CertIOException {
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    // Key encipherment matters only for RSA key exchange (TLS 1.2 and older); ECDSA keys only sign.
    int usage = algorithm == KeyAlgorithm.RSA_2048
        ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
        : KeyUsage.digitalSignature;
    builder
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
        .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()))
        .addExtension(
            Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(pair.getPublic()))
        .addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(names));
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
}
