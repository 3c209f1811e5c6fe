package io.forwardlog.testkit.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateValidationTest {

    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05.678Z");

    @TempDir
    static Path directory;

    private static TestPki pki;
    private static X509Certificate ca;

    @BeforeAll
    static void createPki() {
        pki = TestPki.create(directory, Clock.fixed(NOW, ZoneOffset.UTC));
        ca = pki.ca().certificate();
    }

    @Test
    void theCaIsValidFromAWeekAgoForThirtyDaysMore() {
        assertEquals(Instant.parse("2029-12-26T03:04:05Z"), ca.getNotBefore().toInstant());
        assertEquals(Instant.parse("2030-02-01T03:04:05Z"), ca.getNotAfter().toInstant());
    }

    @Test
    void aServerCertificateIsValidFromAnHourAgoUntilADayFromNow() throws GeneralSecurityException {
        X509Certificate server = pki.server("localhost").certificate();

        assertEquals(Instant.parse("2030-01-02T02:04:05Z"), server.getNotBefore().toInstant());
        assertEquals(Instant.parse("2030-01-03T03:04:05Z"), server.getNotAfter().toInstant());
        Pkix.validate(server, ca, NOW);
    }

    @Test
    void aClientCertificateValidatesAgainstTheCa() throws GeneralSecurityException {
        Pkix.validate(pki.client("app").certificate(), ca, NOW);
    }

    @Test
    void anExpiredServerCertificateExpiredADayAgo() {
        X509Certificate expired = pki.expiredServer("localhost").certificate();

        assertEquals(Instant.parse("2029-12-31T03:04:05Z"), expired.getNotBefore().toInstant());
        assertEquals(Instant.parse("2030-01-01T03:04:05Z"), expired.getNotAfter().toInstant());
        CertPathValidatorException failure =
                assertThrows(CertPathValidatorException.class, () -> Pkix.validate(expired, ca, NOW));
        assertEquals(BasicReason.EXPIRED, failure.getReason());
    }

    @Test
    void aNotYetValidServerCertificateBecomesValidADayFromNow() {
        X509Certificate notYetValid = pki.notYetValidServer("localhost").certificate();

        assertEquals(Instant.parse("2030-01-03T03:04:05Z"), notYetValid.getNotBefore().toInstant());
        assertEquals(Instant.parse("2030-01-04T03:04:05Z"), notYetValid.getNotAfter().toInstant());
        CertPathValidatorException failure =
                assertThrows(CertPathValidatorException.class, () -> Pkix.validate(notYetValid, ca, NOW));
        assertEquals(BasicReason.NOT_YET_VALID, failure.getReason());
    }

    @Test
    void certificatesIssuedNowValidateOrFailAgainstTheCaAtTheCurrentTime(@TempDir Path fresh)
            throws GeneralSecurityException {
        TestPki current = TestPki.create(fresh);
        X509Certificate currentCa = current.ca().certificate();

        Pkix.validate(current.server("localhost").certificate(), currentCa);
        Pkix.validate(current.client("app").certificate(), currentCa);
        assertEquals(BasicReason.EXPIRED, Pkix.failureReason(current.expiredServer("localhost").certificate(), currentCa));
        assertEquals(BasicReason.NOT_YET_VALID,
                Pkix.failureReason(current.notYetValidServer("localhost").certificate(), currentCa));
    }

    @Test
    void aSelfSignedServerCertificateDoesNotChainToTheCa(@TempDir Path elsewhere) throws GeneralSecurityException {
        X509Certificate selfSigned = TestPki.selfSignedServer(elsewhere, "localhost").certificate();

        assertEquals(selfSigned.getSubjectX500Principal(), selfSigned.getIssuerX500Principal());
        assertEquals(PKIXReason.NO_TRUST_ANCHOR, Pkix.failureReason(selfSigned, ca));
        Pkix.validate(selfSigned, selfSigned);
    }

    @Test
    void aCertificateFromAnotherPkiDoesNotValidateAgainstThisCaDespiteTheSameName(@TempDir Path elsewhere)
            throws GeneralSecurityException {
        TestPki other = TestPki.create(elsewhere);
        X509Certificate foreign = other.server("localhost").certificate();

        assertEquals(ca.getSubjectX500Principal(), foreign.getIssuerX500Principal());
        assertEquals(PKIXReason.NO_TRUST_ANCHOR, Pkix.failureReason(foreign, ca));
        Pkix.validate(foreign, other.ca().certificate());
    }
}
