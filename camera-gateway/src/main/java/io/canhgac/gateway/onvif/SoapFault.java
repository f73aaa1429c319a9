package io.canhgac.gateway.onvif;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SOAP fault as the camera sent it.
 *
 * @param code     the fault code as written, e.g. "env:Sender" (SOAP 1.1: the faultcode)
 * @param subcodes the nested subcode values, outermost first, as written, e.g. ["ter:InvalidArgVal", "ter:InvalidParameter"]
 * @param reason   the reason text, empty when the camera sent none
 * @param detail   the first element name or text inside Detail, empty when none
 */
public record SoapFault(String code, List<String> subcodes, String reason, String detail) {

    public SoapFault {
        subcodes = List.copyOf(subcodes);
    }

    /** The code without its prefix: "Sender", "Receiver" (SOAP 1.1: "Client", "Server"). */
    public String codeName() {
        return localPart(code);
    }

    /** The subcodes without prefixes: ["InvalidArgVal", "InvalidParameter"]. */
    public List<String> subcodeNames() {
        return subcodes.stream().map(SoapFault::localPart).toList();
    }

    /** What kind of failure this fault means to the gateway. */
    public OnvifFailure failure() {
        List<String> names = subcodeNames();
        // WS-Security's and ONVIF's own codes come as the code itself from some firmwares
        // (SOAP 1.1 has no subcodes: "ter:NotAuthorized" or "SOAP-ENV:Client.ter:InvalidArgVal")
        List<String> all = new ArrayList<>(names);
        all.add(codeName());
        if (all.stream().anyMatch(SoapFault::isAuthentication)) {
            return OnvifFailure.NOT_AUTHORIZED;
        }
        if (all.stream().anyMatch(n -> n.endsWith("NotSupported"))) {
            return OnvifFailure.ACTION_NOT_SUPPORTED;
        }
        // gSOAP-based firmwares answer an unknown operation with a bare Sender fault and this text
        if (names.isEmpty() && reason.toLowerCase(Locale.ROOT).contains("not implemented")) {
            return OnvifFailure.ACTION_NOT_SUPPORTED;
        }
        if (all.stream().anyMatch(n -> n.startsWith("InvalidArg"))) {
            return OnvifFailure.INVALID_ARGUMENT;
        }
        return OnvifFailure.DEVICE_FAULT;
    }

    /** One line for messages: "Sender/ter:InvalidArgs: reason [detail]". */
    public String summary() {
        StringBuilder s = new StringBuilder(codeName());
        subcodes.forEach(sub -> s.append('/').append(sub));
        if (!reason.isBlank()) {
            s.append(": ").append(reason);
        }
        if (!detail.isBlank()) {
            s.append(" [").append(detail).append(']');
        }
        return s.toString();
    }

    private static boolean isAuthentication(String name) {
        return name.equals("NotAuthorized") || name.equals("FailedAuthentication")
                || name.equals("InvalidSecurity") || name.equals("InvalidSecurityToken")
                || name.equals("FailedCheck");
    }

    private static String localPart(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }
}
