package io.forwardlog.testkit.pki;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/** What a leaf certificate is for: its extended key usage. */
enum Purpose {
    SERVER(KeyPurposeId.id_kp_serverAuth),
    CLIENT(KeyPurposeId.id_kp_clientAuth);

    private final KeyPurposeId keyPurpose;

    Purpose(KeyPurposeId keyPurpose) {
        this.keyPurpose = keyPurpose;
    }

    KeyPurposeId keyPurpose() {
        return keyPurpose;
    }
}
