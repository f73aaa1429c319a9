package io.canhgac.simulator.onvif;

import io.netty.util.concurrent.Future;

/**
 * An authenticated request with what a service needs around it.
 *
 * @param path              the HTTP request path (pull points are told apart by it)
 * @param connectionClosed  completes when the client's connection closes, so long polls can give up
 */
record SoapCall(SoapRequest request, String path, ServiceAddresses addresses, Future<?> connectionClosed) {
}
