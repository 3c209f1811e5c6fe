package io.forwardlog.testkit.pki;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Reads PEM files back with bcpkix's {@link PEMParser}, independently of how the PKI wrote them. */
final class PemFiles {

    static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private PemFiles() {
    }

    /** Every object in the file, in order. */
    static List<Object> read(Path file) throws IOException {
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        }
        return objects;
    }

    /** The only object in the file. */
    static Object readSingle(Path file) throws IOException {
        List<Object> objects = read(file);
        assertEquals(1, objects.size(), () -> file + " holds " + objects);
        return objects.get(0);
    }

    static void assertSameRsaKey(PrivateKey expected, PrivateKeyInfo actual) throws IOException {
        RSAPrivateCrtKey wanted = assertInstanceOf(RSAPrivateCrtKey.class, expected);
        RSAPrivateCrtKey read = assertInstanceOf(RSAPrivateCrtKey.class, new JcaPEMKeyConverter().getPrivateKey(actual));
        assertEquals(wanted.getModulus(), read.getModulus(), "modulus");
        assertEquals(wanted.getPrivateExponent(), read.getPrivateExponent(), "private exponent");
    }

    static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII);
    }
}
