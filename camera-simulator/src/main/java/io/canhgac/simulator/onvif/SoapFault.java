package io.canhgac.simulator.onvif;

import java.util.List;

/**
 * A SOAP 1.2 fault as ONVIF devices send it: a code, the ONVIF subcodes ({@code ter:...}) from the
 * most general to the most specific, a reason, and optionally a detail element.
 */
final class SoapFault extends Exception {

    enum Code {
        SENDER("Sender", 400),
        RECEIVER("Receiver", 500),
        VERSION_MISMATCH("VersionMismatch", 500);

        private final String local;
        private final int httpStatus;

        Code(String local, int httpStatus) {
            this.local = local;
            this.httpStatus = httpStatus;
        }

        String qualified() {
            return Ns.ENV.q(local);
        }

        /** SOAP 1.2 HTTP binding: Sender faults are 400, every other fault 500. */
        int httpStatus() {
            return httpStatus;
        }
    }

    private final Code code;
    private final List<String> subcodes;
    private final String detailXml;

    SoapFault(Code code, List<String> subcodes, String reason, String detailXml) {
        super(reason, null, false, false); // faults are answers, not bugs: no stack trace
        this.code = code;
        this.subcodes = List.copyOf(subcodes);
        this.detailXml = detailXml;
    }

    static SoapFault notAuthorized(String reason) {
        return new SoapFault(Code.SENDER, List.of(Ns.TER.q("NotAuthorized")), reason, null);
    }

    static SoapFault actionNotSupported(String reason) {
        return new SoapFault(Code.RECEIVER, List.of(Ns.TER.q("ActionNotSupported")), reason, null);
    }

    static SoapFault invalidArgVal(String specific, String reason) {
        return new SoapFault(Code.SENDER, List.of(Ns.TER.q("InvalidArgVal"), Ns.TER.q(specific)), reason, null);
    }

    static SoapFault invalidArgs(String reason) {
        return new SoapFault(Code.SENDER, List.of(Ns.TER.q("InvalidArgs")), reason, null);
    }

    static SoapFault wellFormed(String reason) {
        return new SoapFault(Code.SENDER, List.of(Ns.TER.q("WellFormed")), reason, null);
    }

    Code code() {
        return code;
    }

    List<String> subcodes() {
        return subcodes;
    }

    String reason() {
        return getMessage();
    }

    /** The detail element's content, already XML, or null. */
    String detailXml() {
        return detailXml;
    }

    @Override
    public String toString() {
        return "SoapFault[" + code + " " + subcodes + ": " + getMessage() + "]";
    }
}
