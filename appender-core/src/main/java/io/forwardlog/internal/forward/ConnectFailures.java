package io.forwardlog.internal.forward;

import io.forwardlog.internal.transport.TlsFailure;
import io.forwardlog.internal.util.Durations;
import io.forwardlog.internal.util.Errors;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/** Turns what a connect attempt threw into a {@link DeliveryException} a person understands. */
final class ConnectFailures {

    private ConnectFailures() {
    }

    static DeliveryException classify(IOException e, String host, Duration connectTimeout) {
        if (e instanceof DeliveryException delivery) {
            return delivery;
        }
        if (e instanceof TlsFailure) {
            return new DeliveryException(DeliveryException.Kind.TLS, e.getMessage(), e);
        }
        if (e instanceof UnknownHostException) {
            return new DeliveryException(DeliveryException.Kind.UNKNOWN_HOST, "cannot resolve host '" + host + "'", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new DeliveryException(DeliveryException.Kind.CONNECT_TIMEOUT,
                    "no answer to connect within " + Durations.format(connectTimeout), e);
        }
        if (e instanceof NoRouteToHostException) {
            return new DeliveryException(DeliveryException.Kind.CONNECT_FAILED, "no route to host", e);
        }
        if (e instanceof ConnectException) {
            return new DeliveryException(DeliveryException.Kind.CONNECT_REFUSED, "connection refused", e);
        }
        return new DeliveryException(DeliveryException.Kind.CONNECT_FAILED, "cannot connect: " + Errors.describe(e), e);
    }
}
