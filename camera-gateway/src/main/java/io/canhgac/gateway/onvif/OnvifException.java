package io.canhgac.gateway.onvif;

import java.net.URI;
import java.util.Optional;

/**
 * A failed ONVIF call: its kind, the camera address, the operation and, when the camera sent one,
 * the SOAP fault. The message reads on its own in a log or a status page.
 */
public class OnvifException extends Exception {

    private final OnvifFailure failure;
    private final URI endpoint;
    private final OnvifOperation operation;
    private final SoapFault fault;

    public OnvifException(OnvifFailure failure, URI endpoint, OnvifOperation operation, String detail,
                          SoapFault fault, Throwable cause) {
        super(message(failure, endpoint, operation, detail), cause);
        this.failure = failure;
        this.endpoint = endpoint;
        this.operation = operation;
        this.fault = fault;
    }

    public OnvifException(OnvifFailure failure, URI endpoint, OnvifOperation operation, String detail) {
        this(failure, endpoint, operation, detail, null, null);
    }

    static OnvifException fromFault(SoapFault fault, URI endpoint, OnvifOperation operation) {
        return new OnvifException(fault.failure(), endpoint, operation, "SOAP fault " + fault.summary(), fault, null);
    }

    public OnvifFailure failure() {
        return failure;
    }

    public URI endpoint() {
        return endpoint;
    }

    public OnvifOperation operation() {
        return operation;
    }

    /** The camera's SOAP fault, when the failure came as one. */
    public Optional<SoapFault> fault() {
        return Optional.ofNullable(fault);
    }

    /** For the centre's pages: an operation the camera does not implement first says so plainly, then the detail. */
    public String plainMessage() {
        if (failure == OnvifFailure.ACTION_NOT_SUPPORTED) {
            return "the camera does not support " + operation.operationName() + ". " + getMessage();
        }
        return getMessage();
    }

    private static String message(OnvifFailure failure, URI endpoint, OnvifOperation operation, String detail) {
        return "ONVIF " + operation.operationName() + " at " + endpoint + ": " + failure.explanation()
                + (detail == null || detail.isBlank() ? "" : " (" + detail + ")")
                + ". Check " + failure.whatToCheck() + ".";
    }
}
