package io.forwardlog.internal.transport;

import java.net.SocketTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;

/** Turns what a TLS handshake threw into a {@link TlsFailure} that names the problem. */
final class TlsFailures {

    private TlsFailures() {
    }

    /** @param offer what we offered the node, named when it shares none of it */
    static TlsFailure classify(Exception e, String verifiedHost, TlsOffer offer, int debug) {
        return new TlsFailure("TLS handshake failed: " + reason(e, verifiedHost, offer) + detail(e, debug), e);
    }

    private static String reason(Exception e, String verifiedHost, TlsOffer offer) {
        if (has(e, SocketTimeoutException.class)) {
            return "no answer from the node (is TLS enabled on it?)";
        }
        if (has(e, CertificateExpiredException.class) || mentions(e, "expired")) {
            return "the node's certificate has expired";
        }
        if (has(e, CertificateNotYetValidException.class) || mentions(e, "not yet valid")) {
            return "the node's certificate is not yet valid";
        }
        if (mentions(e, "subject alternative name") || mentions(e, "hostname") || mentions(e, "host name")
                || mentions(e, "endpoint identification") || mentions(e, "does not match")) {
            return "the node's certificate does not match host name '" + verifiedHost
                    + "' (set tls.vhost to the name in the certificate, or tls.verify_hostname off)";
        }
        if (has(e, CertPathBuilderException.class) || has(e, CertPathValidatorException.class)
                || mentions(e, "certification path") || mentions(e, "trust anchor") || mentions(e, "valid chain")
                || mentions(e, "certificate_unknown") || mentions(e, "untrusted")) {
            return "the node's certificate is not trusted (give its CA with tls.ca_file or tls.ca_path)";
        }
        if (mentions(e, "bad_certificate") || mentions(e, "certificate_required")) {
            return "the node refused our client certificate (check tls.crt_file and tls.key_file)";
        }
        if (mentions(e, "unrecognized ssl message") || mentions(e, "plaintext") || mentions(e, "unexpected_message")
                || mentions(e, "record_overflow") || mentions(e, "decode_error")) {
            return "the node does not speak TLS on this port (is tls on needed?)";
        }
        if (closedDuringHandshake(e)) {
            return "the node closed the connection during the TLS handshake (does it speak TLS on this port?)";
        }
        if (mentions(e, "protocol_version") || mentions(e, "handshake_failure")) {
            return "the node and we share no TLS version or cipher (we offer " + offer.describe() + ")";
        }
        return message(e);
    }

    /** With {@code tls.debug} 3 or more, the whole cause chain is added. */
    private static String detail(Exception e, int debug) {
        if (debug < 3) {
            return "";
        }
        StringBuilder chain = new StringBuilder(" [");
        Throwable t = e;
        for (int depth = 0; t != null && depth < 8; t = t.getCause(), depth++) {
            if (depth > 0) {
                chain.append(" <- ");
            }
            chain.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return chain.append(']').toString();
    }

    /**
     * BouncyCastle raises a bare handshake_failure of its own, without detail or cause, when the peer
     * closes the connection before the handshake is done (a plain TCP server does, on our ClientHello).
     * An alert the peer sent is a {@code TlsFatalAlertReceived} instead.
     */
    private static boolean closedDuringHandshake(Throwable e) {
        String bare = AlertDescription.getText(AlertDescription.handshake_failure);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TlsFatalAlert alert && alert.getAlertDescription() == AlertDescription.handshake_failure
                    && alert.getCause() == null && bare.equals(alert.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** The first message in the cause chain, for errors after the handshake. */
    static String describe(Throwable e) {
        return message(e);
    }

    private static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }
}
