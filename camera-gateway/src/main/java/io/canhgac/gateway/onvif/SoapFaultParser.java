package io.canhgac.gateway.onvif;

import io.canhgac.gateway.onvif.xml.Elements;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a SOAP 1.2 Fault (Code/Subcode chain, Reason, Detail), or a SOAP 1.1 one (faultcode, faultstring). */
final class SoapFaultParser {

    private SoapFaultParser() {
    }

    static SoapFault parse(Element fault) {
        Optional<Element> code = Elements.optionalChild(fault, "Code");
        if (code.isEmpty()) {
            return parseSoap11(fault);
        }
        String codeValue = Elements.optionalText(code.get(), "Value").orElse("");
        List<String> subcodes = new ArrayList<>();
        Optional<Element> sub = Elements.optionalChild(code.get(), "Subcode");
        while (sub.isPresent()) {
            Elements.optionalText(sub.get(), "Value").filter(v -> !v.isEmpty()).ifPresent(subcodes::add);
            sub = Elements.optionalChild(sub.get(), "Subcode");
        }
        // Reason may hold several Text elements in different languages; the first is kept
        String reason = Elements.optionalText(fault, "Reason", "Text").orElse("");
        String detail = Elements.optionalChild(fault, "Detail").map(SoapFaultParser::describeDetail).orElse("");
        return new SoapFault(codeValue, subcodes, reason, detail);
    }

    /**
     * SOAP 1.1 has no subcodes, so firmwares put ONVIF's in the faultcode: dotted after the SOAP
     * code ("SOAP-ENV:Client.ter:NotAuthorized", the SOAP 1.1 way of refining a code) or alone
     * ("ter:InvalidArgVal"). The dotted parts become subcodes, so both versions read alike.
     */
    private static SoapFault parseSoap11(Element fault) {
        String faultcode = Elements.optionalText(fault, "faultcode").orElse("");
        List<String> parts = new ArrayList<>(List.of(faultcode.split("\\.")));
        parts.removeIf(String::isBlank);
        String code = parts.isEmpty() ? "" : parts.remove(0);
        String reason = Elements.optionalText(fault, "faultstring").orElse("");
        String detail = Elements.optionalChild(fault, "detail").map(SoapFaultParser::describeDetail).orElse("");
        return new SoapFault(code, parts, reason, detail);
    }

    /**
     * Detail is free-form: a vendor's text, or an element such as wsnt:SubscribeCreationFailedFault
     * whose name is the only explanation given. Its name, or else its text, is what is kept.
     */
    private static String describeDetail(Element detail) {
        List<Element> children = Elements.children(detail);
        if (children.isEmpty()) {
            return Elements.text(detail);
        }
        Element first = children.get(0);
        if ("Text".equals(first.getLocalName())) {
            return Elements.text(first);
        }
        return first.getLocalName();
    }
}
