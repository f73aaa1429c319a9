package io.canhgac.gateway.onvif;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/** Turns what the HTTP client threw into the failure kinds a technician can act on. */
final class TransportFailures {

    private TransportFailures() {
    }

    /**
     * @param connectTimeout how long a connection attempt may take
     * @param budget         how long the whole call could take
     */
    static OnvifException classify(Throwable error, URI endpoint, OnvifOperation operation, Duration connectTimeout,
                                   Duration budget) {
        Throwable root = error;
        // the JDK client wraps the socket's exception; the innermost names the real cause
        while (root.getCause() != null && root.getCause() != root && !(root instanceof HttpTimeoutException)) {
            root = root.getCause();
        }
        if (error instanceof HttpConnectTimeoutException || root instanceof HttpConnectTimeoutException) {
            return failure(OnvifFailure.UNREACHABLE, endpoint, operation,
                    "no answer to the connection attempt within " + connectTimeout.toMillis() + " ms", error);
        }
        if (error instanceof HttpTimeoutException || root instanceof HttpTimeoutException) {
            return failure(OnvifFailure.TIMEOUT, endpoint, operation, "no answer within " + budget.toMillis() + " ms", error);
        }
        if (root instanceof NoRouteToHostException) {
            return failure(OnvifFailure.UNREACHABLE, endpoint, operation, "no route to host", error);
        }
        if (error instanceof ConnectException || root instanceof ConnectException) {
            return failure(OnvifFailure.UNREACHABLE, endpoint, operation, "connection refused", error);
        }
        if (root instanceof UnresolvedAddressException || root instanceof UnknownHostException) {
            return failure(OnvifFailure.UNREACHABLE, endpoint, operation, "host name does not resolve", error);
        }
        if (root instanceof LimitedBodySubscriber.TooLargeException) {
            return failure(OnvifFailure.NOT_ONVIF, endpoint, operation, root.getMessage(), error);
        }
        if (root instanceof ProtocolException) {
            return failure(OnvifFailure.NOT_ONVIF, endpoint, operation, "not an HTTP answer: " + root.getMessage(), error);
        }
        if (root instanceof IOException) {
            return failure(OnvifFailure.UNREACHABLE, endpoint, operation, "connection lost: " + root.getMessage(), error);
        }
        return failure(OnvifFailure.UNREACHABLE, endpoint, operation, String.valueOf(root), error);
    }

    private static OnvifException failure(OnvifFailure kind, URI endpoint, OnvifOperation operation, String detail,
                                          Throwable cause) {
        return new OnvifException(kind, endpoint, operation, detail, null, cause);
    }
}
