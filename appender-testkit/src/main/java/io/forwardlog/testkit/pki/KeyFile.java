package io.forwardlog.testkit.pki;

import java.security.PrivateKey;

/** The private-key files of a leaf: their name beside the certificate and their PEM encoding. */
enum KeyFile {
    PKCS8(".key"),
    PKCS1(".pkcs1.key"),
    ENCRYPTED_PKCS8(".encrypted.key"),
    ENCRYPTED_PKCS1(".encrypted.pkcs1.key");

    private final String suffix;

    KeyFile(String suffix) {
        this.suffix = suffix;
    }

    String suffix() {
        return suffix;
    }

    /** The PEM text; {@code password} is ignored by the unencrypted forms. */
    String encode(PrivateKey key, char[] password) {
        return switch (this) {
            case PKCS8 -> PemEncoder.pkcs8(key);
            case PKCS1 -> PemEncoder.pkcs1(key);
            case ENCRYPTED_PKCS8 -> PemEncoder.encryptedPkcs8(key, password);
            case ENCRYPTED_PKCS1 -> PemEncoder.encryptedPkcs1(key, password);
        };
    }
}
