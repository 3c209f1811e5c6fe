package io.forwardlog.testkit.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/** Validates certificates with the JDK's PKIX {@link CertPathValidator}, as SunJSSE's trust manager does. */
final class Pkix {

    private Pkix() {
    }

    /** Validates {@code leaf} against {@code anchor} at the current time; throws if it does not validate. */
    static void validate(X509Certificate leaf, X509Certificate anchor) throws GeneralSecurityException {
        validate(leaf, anchor, Instant.now());
    }

    static void validate(X509Certificate leaf, X509Certificate anchor, Instant at) throws GeneralSecurityException {
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(at));
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }

    /** Why validation fails; fails the test when it does not. */
    static CertPathValidatorException.Reason failureReason(X509Certificate leaf, X509Certificate anchor)
            throws GeneralSecurityException {
        try {
            validate(leaf, anchor);
        } catch (CertPathValidatorException expected) {
            return expected.getReason();
        }
        throw new AssertionError(leaf.getSubjectX500Principal() + " unexpectedly validates against "
                + anchor.getSubjectX500Principal());
    }
}
