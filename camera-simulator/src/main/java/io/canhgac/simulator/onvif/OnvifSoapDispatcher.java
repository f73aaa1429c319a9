package io.canhgac.simulator.onvif;

import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Turns a request body into a response envelope: parse, authenticate (every operation but
 * GetSystemDateAndTime, which clients call first to learn the device clock), route to the service
 * owning the operation's namespace, and render faults. Never throws: whatever goes wrong becomes a
 * SOAP fault.
 */
final class OnvifSoapDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OnvifSoapDispatcher.class);

    record SoapReply(int httpStatus, String xml, boolean soap11) {

        String contentType() {
            return soap11 ? SoapEnvelope.CONTENT_TYPE_11 : SoapEnvelope.CONTENT_TYPE;
        }
    }

    private final SafeXmlParser parser = new SafeXmlParser();
    private final UsernameTokenVerifier verifier;
    private final Map<String, SoapService> servicesByNamespace;
    private final Supplier<ServiceAddresses> addresses;
    private final boolean alwaysSoap11;

    OnvifSoapDispatcher(UsernameTokenVerifier verifier, Map<Ns, SoapService> services, Supplier<ServiceAddresses> addresses) {
        this(verifier, services, addresses, false);
    }

    /** @param alwaysSoap11 answer in SOAP 1.1 whatever the request's version, as old gSOAP firmwares do */
    OnvifSoapDispatcher(UsernameTokenVerifier verifier, Map<Ns, SoapService> services, Supplier<ServiceAddresses> addresses,
                        boolean alwaysSoap11) {
        this.alwaysSoap11 = alwaysSoap11;
        this.verifier = verifier;
        this.servicesByNamespace = new HashMap<>();
        services.forEach((ns, s) -> servicesByNamespace.put(ns.uri(), s));
        this.addresses = addresses;
    }

    CompletionStage<SoapReply> dispatch(byte[] body, String path, Future<?> connectionClosed) {
        boolean soap11 = alwaysSoap11;
        try {
            SoapRequest request = SoapRequest.parse(parser, body);
            soap11 = alwaysSoap11 || request.soap11();
            boolean answer11 = soap11;
            if (!request.is(Ns.TDS, "GetSystemDateAndTime")) {
                verifier.verify(request.usernameToken());
            }
            SoapService service = servicesByNamespace.get(request.operation().getNamespaceURI());
            if (service == null) {
                throw SoapFault.actionNotSupported("No service for " + request.operation());
            }
            return service.handle(new SoapCall(request, path, addresses.get(), connectionClosed))
                    .handle((xml, error) -> error == null
                            ? new SoapReply(200, SoapEnvelope.wrap(xml, answer11), answer11)
                            : fault(error, answer11));
        } catch (SoapFault f) {
            return CompletableFuture.completedFuture(fault(f, soap11));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(fault(e, soap11));
        }
    }

    private static SoapReply fault(Throwable error, boolean soap11) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        SoapFault f;
        if (cause instanceof SoapFault soapFault) {
            f = soapFault;
        } else {
            log.warn("ONVIF request failed inside the simulator", cause);
            f = new SoapFault(SoapFault.Code.RECEIVER, List.of(Ns.TER.q("Action")), "Action failed: " + cause, null);
        }
        // SOAP 1.1's HTTP binding answers every fault with 500
        return soap11 ? new SoapReply(500, SoapEnvelope.fault11(f), true)
                : new SoapReply(f.code().httpStatus(), SoapEnvelope.fault(f), false);
    }
}
