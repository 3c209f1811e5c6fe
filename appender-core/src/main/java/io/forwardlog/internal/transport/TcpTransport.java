package io.forwardlog.internal.transport;

/** Plain TCP. */
public final class TcpTransport implements Transport {

    @Override
    public TransportSession newSession(String host, int port) {
        return new PlainSession();
    }

    @Override
    public boolean secure() {
        return false;
    }

    @Override
    public String toString() {
        return "tcp";
    }
}
