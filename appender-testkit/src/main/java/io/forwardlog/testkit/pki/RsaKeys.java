package io.forwardlog.testkit.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

/** Generates the RSA key pairs of the test PKI. */
final class RsaKeys {

    /** RSA, so that every key can also be written as PKCS#1; 2048 bits is what current TLS stacks accept. */
    private static final int BITS = 2048;

    private RsaKeys() {
    }

    /** A fresh key pair; takes about 100 ms, so callers share one where they can. */
    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA " + BITS + "-bit key pair", e);
        }
    }
}
