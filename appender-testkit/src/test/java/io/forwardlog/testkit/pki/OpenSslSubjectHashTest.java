package io.forwardlog.testkit.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.Charset;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUniversalString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

/** The expected hashes are what {@code openssl x509 -noout -subject_hash} (OpenSSL 3.0.19) prints for these names. */
class OpenSslSubjectHashTest {

    @Test
    void hashesTheCaNameAsOpenSslDoes() {
        assertEquals("b9ae1344", OpenSslSubjectHash.of(new X500Principal("CN=forwardlog test CA")));
    }

    @Test
    void ignoresCaseAndCollapsesWhiteSpaceAsOpenSslDoes() {
        X500Name untidy = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "  ForwardLog\t TEST   ca ").build();

        assertEquals("b9ae1344", OpenSslSubjectHash.of(untidy));
    }

    @Test
    void hashesSeveralRelativeDistinguishedNamesInTheirOrder() {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "DE")
                .addRDN(BCStyle.O, "Example  Org")
                .addRDN(BCStyle.CN, "Node-3")
                .build();

        assertEquals("3eb66edb", OpenSslSubjectHash.of(name));
    }

    @Test
    void hashesAMultiValuedRelativeDistinguishedName() {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addMultiValuedRDN(new ASN1ObjectIdentifier[] {BCStyle.CN, BCStyle.OU}, new String[] {"a", "B"})
                .build();

        assertEquals("6fe19aac", OpenSslSubjectHash.of(name));
    }

    @Test
    void keepsTheCaseOfLettersOutsideAscii() {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "Grüße Ärger").build();
        X500Name lowerCase = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "grüße ärger").build();

        assertEquals("12518fce", OpenSslSubjectHash.of(name));
        assertNotEquals("12518fce", OpenSslSubjectHash.of(lowerCase));
    }

    @Test
    void readsBmpAndUniversalStringsAsTheTextTheyHold() {
        String text = "Grüße Ärger";

        assertEquals("12518fce", OpenSslSubjectHash.of(commonName(new DERBMPString(text))));
        assertEquals("12518fce", OpenSslSubjectHash.of(
                commonName(new DERUniversalString(text.getBytes(Charset.forName("UTF-32BE"))))));
    }

    @Test
    void leavesValuesThatAreNotTextAsTheyAre() {
        X500Name bytes = commonName(new DEROctetString(new byte[] {'A'}));
        X500Name lowerCaseBytes = commonName(new DEROctetString(new byte[] {'a'}));

        assertNotEquals(OpenSslSubjectHash.of(lowerCaseBytes), OpenSslSubjectHash.of(bytes));
    }

    private static X500Name commonName(ASN1Encodable value) {
        return new X500Name(new RDN[] {new RDN(new AttributeTypeAndValue(BCStyle.CN, value))});
    }
}
