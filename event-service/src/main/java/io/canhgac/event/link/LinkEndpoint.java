package io.canhgac.event.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.contract.link.LinkMessage;
import io.canhgac.event.gateway.GatewayIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import java.time.Clock;
import java.time.Duration;

/**
 * The centre's end of the control links: the ingest chain has already checked the gateway's token on
 * the upgrade request, so the session's principal names the gateway.
 */
@Component
class LinkEndpoint extends AbstractWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(LinkEndpoint.class);
    private static final String LINK = "canhgac.link";
    /** A gateway that cannot take 10 s of requests is not reading: close rather than queue. */
    private static final Duration SEND_TIME_LIMIT = Duration.ofSeconds(10);

    private final GatewayLinks links;
    private final ObjectMapper json;
    private final LinkProperties properties;

    LinkEndpoint(GatewayLinks links, ObjectMapper json, LinkProperties properties) {
        this.links = links;
        this.json = json;
        this.properties = properties;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        if (!(session.getPrincipal() instanceof Authentication auth) || !(auth.getPrincipal() instanceof GatewayIdentity gateway)) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("a gateway token is required"));
            return;
        }
        WebSocketSession sending = new ConcurrentWebSocketSessionDecorator(session, (int) SEND_TIME_LIMIT.toMillis(),
                properties.sendBuffer());
        String remote = session.getRemoteAddress() == null ? "?" : session.getRemoteAddress().getAddress().getHostAddress();
        GatewayLink link = new GatewayLink(gateway, sending, json, Clock.systemUTC(), remote);
        session.getAttributes().put(LINK, link);
        links.connected(link);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        GatewayLink link = link(session);
        if (link == null) {
            return;
        }
        try {
            link.onText(json.readValue(message.getPayload(), LinkMessage.class));
        } catch (JsonProcessingException e) {
            log.warn("Gateway {} sent a message the centre cannot read ({}); ignored", link.gateway().name(), e.getOriginalMessage());
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        GatewayLink link = link(session);
        if (link == null) {
            return;
        }
        try {
            link.onBinary(message.getPayload());
        } catch (IllegalArgumentException e) {
            log.warn("Gateway {} sent a binary frame the centre cannot read ({}); ignored", link.gateway().name(), e.getMessage());
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        GatewayLink link = link(session);
        log.debug("Link of gateway {}: {}", link == null ? "?" : link.gateway().name(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        GatewayLink link = link(session);
        if (link != null) {
            links.disconnected(link, status);
        }
    }

    private static GatewayLink link(WebSocketSession session) {
        return (GatewayLink) session.getAttributes().get(LINK);
    }
}
