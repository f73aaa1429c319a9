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

    record SoapReply(int httpStatus, String xml) {
    }

    private final SafeXmlParser parser = new SafeXmlParser();
    private final UsernameTokenVerifier verifier;
    private final Map<String, SoapService> servicesByNamespace;
    private final Supplier<ServiceAddresses> addresses;

    OnvifSoapDispatcher(UsernameTokenVerifier verifier, Map<Ns, SoapService> services, Supplier<ServiceAddresses> addresses) {
        this.verifier = verifier;
        this.servicesByNamespace = new HashMap<>();
        services.forEach((ns, s) -> servicesByNamespace.put(ns.uri(), s));
        this.addresses = addresses;
    }

    CompletionStage<SoapReply> dispatch(byte[] body, String path, Future<?> connectionClosed) {
        try {
            SoapRequest request = SoapRequest.parse(parser, body);
            if (!request.is(Ns.TDS, "GetSystemDateAndTime")) {
                verifier.verify(request.usernameToken());
            }
            SoapService service = servicesByNamespace.get(request.operation().getNamespaceURI());
            if (service == null) {
                throw SoapFault.actionNotSupported("No service for " + request.operation());
            }
            return service.handle(new SoapCall(request, path, addresses.get(), connectionClosed))
                    .handle((xml, error) -> error == null
                            ? new SoapReply(200, SoapEnvelope.wrap(xml))
                            : fault(error));
        } catch (SoapFault f) {
            return CompletableFuture.completedFuture(fault(f));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(fault(e));
        }
    }

    private static SoapReply fault(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        SoapFault f;
        if (cause instanceof SoapFault soapFault) {
            f = soapFault;
        } else {
            log.warn("ONVIF request failed inside the simulator", cause);
            f = new SoapFault(SoapFault.Code.RECEIVER, List.of(Ns.TER.q("Action")), "Action failed: " + cause, null);
        }
        return new SoapReply(f.code().httpStatus(), SoapEnvelope.fault(f));
    }
}
