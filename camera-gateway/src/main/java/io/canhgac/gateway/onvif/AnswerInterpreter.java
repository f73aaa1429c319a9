package io.canhgac.gateway.onvif;

import io.canhgac.gateway.onvif.xml.XmlContentException;
import io.canhgac.gateway.onvif.xml.XmlRejectedException;
import org.w3c.dom.Element;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Locale;

/** Decides what an HTTP answer means: the expected response element, a SOAP fault, or not ONVIF at all. */
final class AnswerInterpreter {

    private AnswerInterpreter() {
    }

    static Element interpret(EnvelopeReader reader, HttpResponse<byte[]> response, URI endpoint,
                             OnvifOperation operation, boolean usedHttpDigest) throws OnvifException {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        byte[] body = response.body();
        if (status >= 300 && status < 400) {
            return fail(OnvifFailure.NOT_ONVIF, endpoint, operation,
                    "HTTP " + status + " redirect to " + response.headers().firstValue("Location").orElse("?"));
        }
        SoapEnvelope envelope = null;
        String notSoap = null;
        boolean brokenSoap = false;
        if (body.length == 0) {
            notSoap = "an empty answer";
        } else if (contentType.startsWith("text/html")) {
            notSoap = "an HTML page";
        } else {
            try {
                envelope = reader.read(body);
            } catch (XmlRejectedException | XmlContentException e) {
                notSoap = e.getMessage();
                brokenSoap = SoapSniffer.looksLikeSoap(contentType, body, e);
            }
        }
        if (envelope != null && envelope.isFault()) {
            SoapFault fault = envelope.fault();
            if ((status == 401 || status == 403) && fault.failure() != OnvifFailure.NOT_AUTHORIZED) {
                // the HTTP layer refused us; the fault text is only a detail
                throw new OnvifException(OnvifFailure.NOT_AUTHORIZED, endpoint, operation,
                        "HTTP " + status + ", SOAP fault " + fault.summary(), fault, null);
            }
            throw OnvifException.fromFault(fault, endpoint, operation);
        }
        if (status == 401 || status == 403) {
            return fail(OnvifFailure.NOT_AUTHORIZED, endpoint, operation, "HTTP " + status
                    + (usedHttpDigest ? " after answering its HTTP Digest challenge" : " without a Digest challenge we can answer"));
        }
        if (brokenSoap) {
            // a camera that began a SOAP answer and broke it: the port is right, the answer is not
            return fail(OnvifFailure.BAD_RESPONSE, endpoint, operation, "HTTP " + status + " with " + notSoap);
        }
        if (envelope == null) {
            String type = contentType.isEmpty() ? "" : " (" + contentType + ")";
            return fail(OnvifFailure.NOT_ONVIF, endpoint, operation, "HTTP " + status + type + " with " + notSoap);
        }
        if (status < 200 || status >= 300) {
            return fail(OnvifFailure.NOT_ONVIF, endpoint, operation, "HTTP " + status + " with a SOAP answer that is not a fault");
        }
        Element content = envelope.content();
        if (!operation.responseElement().equals(content.getLocalName())) {
            throw SoapClient.badResponse(endpoint, operation, new XmlContentException(
                    "the answer is <" + content.getTagName() + ">, expected <" + operation.responseElement() + ">"));
        }
        return content;
    }

    private static Element fail(OnvifFailure kind, URI endpoint, OnvifOperation operation, String detail) throws OnvifException {
        throw new OnvifException(kind, endpoint, operation, detail);
    }
}
