package io.canhgac.gateway.onvif.events;

import io.canhgac.gateway.onvif.ReferenceParameter;
import io.canhgac.gateway.onvif.xml.Elements;
import io.canhgac.gateway.onvif.xml.XmlContentException;
import org.w3c.dom.Element;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the answers that create or extend a pull point: CreatePullPointSubscription and Renew. */
final class PullPointParser {

    private PullPointParser() {
    }

    static PullPointSubscription parse(Element response) throws XmlContentException {
        Element reference = Elements.child(response, "SubscriptionReference");
        List<ReferenceParameter> parameters = new ArrayList<>();
        Optional<Element> referenceParameters = Elements.optionalChild(reference, "ReferenceParameters");
        if (referenceParameters.isPresent()) {
            for (Element p : Elements.children(referenceParameters.get())) {
                if (p.getNamespaceURI() == null) {
                    throw new XmlContentException("reference parameter <" + p.getTagName() + "> has no namespace");
                }
                parameters.add(new ReferenceParameter(p.getNamespaceURI(), p.getTagName(), Elements.text(p)));
            }
        }
        return new PullPointSubscription(
                Elements.absoluteUri(Elements.requiredText(reference, "Address"), "SubscriptionReference/Address"),
                parameters,
                instant(response, "CurrentTime"),
                instant(response, "TerminationTime"));
    }

    static PullPointSubscription renewed(PullPointSubscription subscription, Element response) throws XmlContentException {
        // CurrentTime is optional in a RenewResponse; without it, the renewal is dated by the old one
        Instant current = Elements.optionalText(response, "CurrentTime").isPresent()
                ? instant(response, "CurrentTime") : subscription.currentTime();
        return subscription.withTimes(current, instant(response, "TerminationTime"));
    }

    private static Instant instant(Element parent, String name) throws XmlContentException {
        return Elements.parseInstant(Elements.requiredText(parent, name), name);
    }
}
