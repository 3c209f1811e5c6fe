package io.forwardlog.testkit.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1BMPString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1T61String;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.ASN1UniversalString;
import org.bouncycastle.asn1.ASN1VisibleString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * The name OpenSSL looks a CA up by in a {@code -CApath} directory: {@code X509_NAME_hash} (OpenSSL
 * 1.0 and later), printed as eight lowercase hex digits, as {@code openssl x509 -subject_hash} and
 * {@code openssl rehash} do.
 *
 * <p>The hash is over OpenSSL's canonical form of the name: each attribute value of a string type is
 * converted to UTF-8, stripped of leading and trailing ASCII white space, inner runs of white space
 * become one space, and ASCII letters are lower-cased; the RDNs are then DER-encoded one by one (each a
 * SET) and concatenated without the outer SEQUENCE. The hash is the first four bytes of the SHA-1
 * of that, read little-endian.
 */
final class OpenSslSubjectHash {

    private OpenSslSubjectHash() {
    }

    static String of(X500Principal name) {
        return of(X500Name.getInstance(name.getEncoded()));
    }

    static String of(X500Name name) {
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        try {
            for (RDN rdn : name.getRDNs()) {
                ASN1EncodableVector attributes = new ASN1EncodableVector();
                for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                    attributes.add(new AttributeTypeAndValue(attribute.getType(), canonical(attribute.getValue())));
                }
                // DERSet sorts its members by encoding, as OpenSSL's SET OF encoder does
                canonical.write(new DERSet(attributes).getEncoded(ASN1Encoding.DER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the name " + name, e);
        }
        byte[] sha1 = sha1(canonical.toByteArray());
        long hash = (sha1[0] & 0xffL) | (sha1[1] & 0xffL) << 8 | (sha1[2] & 0xffL) << 16 | (sha1[3] & 0xffL) << 24;
        return String.format("%08x", hash);
    }

    private static ASN1Encodable canonical(ASN1Encodable value) {
        String text = text(value.toASN1Primitive());
        return text == null ? value : new DERUTF8String(canonical(text));
    }

    /** The value as text for the string types OpenSSL canonicalises (its ASN1_MASK_CANON), else null. */
    private static String text(ASN1Primitive value) {
        if (value instanceof ASN1UniversalString universal) {
            // BouncyCastle renders UniversalString as "#hex"; OpenSSL reads it as UCS-4
            return new String(universal.getOctets(), Charset.forName("UTF-32BE"));
        }
        boolean canonicalised = value instanceof ASN1UTF8String || value instanceof ASN1BMPString
                || value instanceof ASN1PrintableString || value instanceof ASN1T61String
                || value instanceof ASN1IA5String || value instanceof ASN1VisibleString;
        return canonicalised ? ((ASN1String) value).getString() : null;
    }

    private static String canonical(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isAsciiSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiSpace(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder canonical = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (isAsciiSpace(c)) {
                if (!isAsciiSpace(text.charAt(i - 1))) {
                    canonical.append(' ');
                }
            } else if (c >= 'A' && c <= 'Z') {
                canonical.append((char) (c + ('a' - 'A')));
            } else {
                canonical.append(c);
            }
        }
        return canonical.toString();
    }

    /** OpenSSL's isspace: space, tab, line feed, vertical tab, form feed and carriage return. */
    private static boolean isAsciiSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
