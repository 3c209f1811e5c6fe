package io.forwardlog.internal.transport;

import io.forwardlog.internal.util.Errors;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/** Reads PEM certificates and private keys (PKCS#1 or PKCS#8, encrypted or not) with bcpkix. */
final class PemFiles {

    private final Provider provider;

    PemFiles(Provider provider) {
        this.provider = provider;
    }

    /** Every certificate in a PEM file, in file order; at least one. */
    List<X509Certificate> certificates(String setting, Path file) throws TlsMaterialException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object item : readAll(setting, file)) {
            if (item instanceof X509CertificateHolder holder) {
                certificates.add(convert(setting, file, holder));
            }
        }
        if (certificates.isEmpty()) {
            throw new TlsMaterialException(setting + " '" + file + "' holds no PEM certificate");
        }
        return certificates;
    }

    /** Every certificate in the PEM files of a directory (files that hold none are skipped). */
    List<X509Certificate> certificatesInDirectory(String setting, Path directory) throws TlsMaterialException {
        if (!Files.isDirectory(directory)) {
            throw new TlsMaterialException(setting + " '" + directory + "' is not a directory");
        }
        TreeSet<Path> files = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new TlsMaterialException(setting + " '" + directory + "' cannot be read: " + Errors.describe(e), e);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files) {
            for (Object item : readAll(setting, file)) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(convert(setting, file, holder));
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new TlsMaterialException(setting + " '" + directory + "' holds no PEM certificate");
        }
        return certificates;
    }

    /** The first private key in a PEM file, decrypted with {@code password} when it is encrypted. */
    PrivateKey privateKey(String setting, Path file, Optional<String> password) throws TlsMaterialException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(provider);
        for (Object item : readAll(setting, file)) {
            try {
                if (item instanceof PEMKeyPair pair) {
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (item instanceof PEMEncryptedKeyPair encrypted) {
                    char[] secret = requirePassword(setting, file, password);
                    PEMKeyPair pair = encrypted.decryptKeyPair(
                            new JcePEMDecryptorProviderBuilder().setProvider(provider).build(secret));
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    char[] secret = requirePassword(setting, file, password);
                    PrivateKeyInfo info = encrypted.decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(provider).build(secret));
                    return converter.getPrivateKey(info);
                }
            } catch (IOException | PKCSException | OperatorCreationException e) {
                throw new TlsMaterialException(setting + " '" + file
                        + "': the key cannot be decrypted: is tls.key_passwd right?", e);
            }
        }
        throw new TlsMaterialException(setting + " '" + file + "' holds no PEM private key");
    }

    private static char[] requirePassword(String setting, Path file, Optional<String> password) throws TlsMaterialException {
        return password.map(String::toCharArray).orElseThrow(() -> new TlsMaterialException(
                setting + " '" + file + "' is encrypted: set tls.key_passwd"));
    }

    private List<Object> readAll(String setting, Path file) throws TlsMaterialException {
        List<Object> items = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                items.add(item);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new TlsMaterialException(setting + " '" + file + "' does not exist", e);
        } catch (IOException e) {
            throw new TlsMaterialException(setting + " '" + file + "' cannot be read as PEM: " + Errors.describe(e), e);
        }
        return items;
    }

    private X509Certificate convert(String setting, Path file, X509CertificateHolder holder) throws TlsMaterialException {
        try {
            return new JcaX509CertificateConverter().setProvider(provider).getCertificate(holder);
        } catch (CertificateException e) {
            throw new TlsMaterialException(setting + " '" + file + "' holds a certificate that cannot be read: " + Errors.describe(e), e);
        }
    }

}
