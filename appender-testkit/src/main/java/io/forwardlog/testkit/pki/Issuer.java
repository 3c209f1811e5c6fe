package io.forwardlog.testkit.pki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

/** Signs leaf certificates: the test CA, or the leaf itself when it is self-signed. */
@FunctionalInterface
interface Issuer {

    /** A certificate for {@code request} and the public key of {@code subjectKeys}, valid as of now. */
    X509Certificate issue(LeafRequest request, KeyPair subjectKeys);
}
