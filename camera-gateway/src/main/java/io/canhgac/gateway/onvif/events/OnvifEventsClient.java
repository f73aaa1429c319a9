package io.canhgac.gateway.onvif.events;

import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifOperation;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.WsAddressing;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The event service of one camera, through a pull point: the gateway asks for events rather than
 * opening a port the camera would push to, which works behind NAT on commune links.
 */
public final class OnvifEventsClient {

    private final SoapClient soap;
    private final URI endpoint;

    /** @param endpoint the event service address from GetServices or GetCapabilities */
    public OnvifEventsClient(SoapClient soap, URI endpoint) {
        this.soap = soap;
        this.endpoint = endpoint;
    }

    /** The topics the camera can raise: shown on the camera page so a technician sees what it reports. */
    public List<EventTopic> getEventProperties() throws OnvifException {
        return soap.call(endpoint, OnvifOperation.GET_EVENT_PROPERTIES, "<tev:GetEventProperties/>",
                new WsAddressing(endpoint, List.of()), Duration.ZERO, EventPropertiesParser::parse);
    }

    /** @param lifetime how long the camera keeps the subscription without a Renew */
    public PullPointSubscription createPullPointSubscription(Duration lifetime) throws OnvifException {
        requirePositive(lifetime, "subscription lifetime");
        String body = "<tev:CreatePullPointSubscription><tev:InitialTerminationTime>" + lifetime
                + "</tev:InitialTerminationTime></tev:CreatePullPointSubscription>";
        return soap.call(endpoint, OnvifOperation.CREATE_PULL_POINT_SUBSCRIPTION, body,
                new WsAddressing(endpoint, List.of()), Duration.ZERO, PullPointParser::parse);
    }

    /**
     * Waits up to {@code wait} for events and returns what arrived, possibly nothing. The call's
     * timeout is the configured one plus {@code wait}, since the camera holds the answer that long.
     */
    public EventBatch pullMessages(PullPointSubscription subscription, Duration wait, int messageLimit) throws OnvifException {
        requirePositive(wait, "pull wait");
        if (messageLimit <= 0) {
            throw new IllegalArgumentException("message limit must be positive, was " + messageLimit);
        }
        String body = "<tev:PullMessages><tev:Timeout>" + wait + "</tev:Timeout><tev:MessageLimit>" + messageLimit
                + "</tev:MessageLimit></tev:PullMessages>";
        return soap.call(subscription.address(), OnvifOperation.PULL_MESSAGES, body, subscription.addressing(), wait,
                PullMessagesParser::parse);
    }

    /** Extends the subscription; returns it with the camera's new termination time. */
    public PullPointSubscription renew(PullPointSubscription subscription, Duration lifetime) throws OnvifException {
        requirePositive(lifetime, "subscription lifetime");
        String body = "<wsnt:Renew><wsnt:TerminationTime>" + lifetime + "</wsnt:TerminationTime></wsnt:Renew>";
        return soap.call(subscription.address(), OnvifOperation.RENEW, body, subscription.addressing(), Duration.ZERO,
                response -> PullPointParser.renewed(subscription, response));
    }

    public void unsubscribe(PullPointSubscription subscription) throws OnvifException {
        // the answer is empty; SoapClient already checked it is an UnsubscribeResponse
        soap.call(subscription.address(), OnvifOperation.UNSUBSCRIBE, "<wsnt:Unsubscribe/>", subscription.addressing(),
                Duration.ZERO);
    }

    /** Durations go into the request as xs:duration text, which has no negative or zero form a camera accepts. */
    private static void requirePositive(Duration d, String what) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + d);
        }
    }
}
