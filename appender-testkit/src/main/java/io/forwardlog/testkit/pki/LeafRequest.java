package io.forwardlog.testkit.pki;

import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/** What a leaf certificate says: its subject, alternative names, purpose and validity. */
record LeafRequest(String commonName, List<String> alternativeNames, Purpose purpose, Validity validity) {

    /** Dot-separated labels, optionally behind a leading wildcard label; lenient, as tests need odd names too. */
    private static final Pattern DNS_NAME = Pattern.compile("(\\*\\.)?[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.?");

    LeafRequest {
        alternativeNames = List.copyOf(alternativeNames);
    }

    /** A server certificate named by its first DNS name or IP address, carrying all of them as SANs. */
    static LeafRequest server(String[] names, Validity validity) {
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException("a server certificate needs at least one DNS name or IP address");
        }
        for (String name : names) {
            if (name == null || !(IPAddress.isValid(name) || DNS_NAME.matcher(name).matches())) {
                throw new IllegalArgumentException("a server certificate name must be a DNS name or an IP address, not "
                        + (name == null ? "null" : "'" + name + "'"));
            }
        }
        return new LeafRequest(names[0], List.of(names), Purpose.SERVER, validity);
    }

    static LeafRequest client(String commonName) {
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("a client certificate needs a common name that is not blank");
        }
        return new LeafRequest(commonName, List.of(), Purpose.CLIENT, Validity.CURRENT);
    }

    /** {@code CN=<commonName>}, built attribute by attribute so that commas or plus signs in it stay literal. */
    X500Name subject() {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    GeneralNames subjectAlternativeNames() {
        return new GeneralNames(alternativeNames.stream()
                .map(name -> IPAddress.isValid(name)
                        ? new GeneralName(GeneralName.iPAddress, name)
                        : new GeneralName(GeneralName.dNSName, name))
                .toArray(GeneralName[]::new));
    }
}
