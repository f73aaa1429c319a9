package io.canhgac.simulator.onvif;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** One ONVIF service: answers the operations of its namespace with the content of the response Body. */
interface SoapService {

    /**
     * The Body content answering {@code call}; most complete at once, a long poll later. A fault is
     * thrown, or completes the stage exceptionally.
     */
    CompletionStage<String> handle(SoapCall call) throws SoapFault;

    static CompletionStage<String> answer(XmlBuilder body) {
        return CompletableFuture.completedFuture(body.toString());
    }

    static SoapFault unsupported(SoapCall call) {
        return SoapFault.actionNotSupported("Optional Action Not Implemented: " + call.request().operation().getLocalPart());
    }
}
