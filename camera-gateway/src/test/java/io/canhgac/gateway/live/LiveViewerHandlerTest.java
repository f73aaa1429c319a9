package io.canhgac.gateway.live;

import io.canhgac.contract.live.LiveTicketIssuer;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The step after the handshake, on an EmbeddedChannel: the ticket decides, the reason goes in the close frame. */
class LiveViewerHandlerTest {

    static final byte[] SECRET = "handler-test-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final LiveTicketIssuer issuer = new LiveTicketIssuer(SECRET, CLOCK, Duration.ofSeconds(60));
    private final ScriptedPacketSource silent = new ScriptedPacketSource(PacketSource.Codec.H264, false, 0);
    private final LiveStreams streams = new LiveStreams(RtspSource.sources(CameraStreams.of(Map.of("QL-01", "rtsp://x/sub"), Map.of()),
            url -> silent, Duration.ofSeconds(5)), LiveSettings.DEFAULTS.withLinger(Duration.ofMinutes(1)), f -> { });

    @AfterEach
    void close() {
        streams.close();
    }

    private EmbeddedChannel handshake(String uri, Clock clock) {
        return handshake(uri, new TicketVerifier(SECRET, clock), new OpenViews());
    }

    private EmbeddedChannel handshake(String uri, TicketVerifier tickets, OpenViews open) {
        EmbeddedChannel ch = new EmbeddedChannel(new LiveViewerHandler(streams, tickets, LiveSettings.DEFAULTS, open));
        ch.pipeline().fireUserEventTriggered(new HandshakeComplete(uri, EmptyHttpHeaders.INSTANCE, null));
        return ch;
    }

    private static void assertClosedWith(EmbeddedChannel ch, LiveRefusal why) {
        CloseWebSocketFrame close = ch.readOutbound();
        assertThat(close.statusCode()).isEqualTo(why.code());
        assertThat(close.reasonText()).isEqualTo(why.reason());
        close.release();
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void refusesWhatTheTicketDoesNotAllow() {
        String good = issuer.issue("QL-01", "sub", "officer");
        assertClosedWith(handshake("/live/QL-01/sub", CLOCK), LiveRefusal.TICKET_MISSING);
        assertClosedWith(handshake("/live/QL-01/sub?ticket=" + good.substring(0, good.length() - 2) + "AA", CLOCK), LiveRefusal.TICKET_INVALID);
        assertClosedWith(handshake("/live/QL-02/sub?ticket=" + good, CLOCK), LiveRefusal.TICKET_OTHER_STREAM);
        assertClosedWith(handshake("/live/QL-01/main?ticket=" + good, CLOCK), LiveRefusal.TICKET_OTHER_STREAM);
        assertClosedWith(handshake("/live/QL-01/sub?ticket=" + good, Clock.offset(CLOCK, Duration.ofMinutes(2))), LiveRefusal.TICKET_EXPIRED);
        assertClosedWith(handshake("/live/QL-01/hd?ticket=" + good, CLOCK), LiveRefusal.BAD_PATH);
        assertThat(streams.runningPulls()).as("no pull for a refused viewer").isZero();
    }

    @Test
    void aGoodTicketJoinsTheStreamUntilTheChannelCloses() {
        StreamKey key = new StreamKey("QL-01", LiveStream.SUB);
        EmbeddedChannel ch = handshake("/live/QL-01/sub?ticket=" + issuer.issue("QL-01", "sub", "officer"), CLOCK);
        assertThat(ch.isOpen()).isTrue();
        assertThat(streams.viewers(key)).isEqualTo(1);
        ch.close();
        assertThat(streams.viewers(key)).isZero();
    }

    @Test
    void aGoodTicketForACameraThisGatewayDoesNotHaveIsUnknown() {
        assertClosedWith(handshake("/live/SV-07/sub?ticket=" + issuer.issue("SV-07", "sub", "officer"), CLOCK), LiveRefusal.UNKNOWN_CAMERA);
    }

    @Test
    void withdrawingAPersonClosesTheirViewsAndRefusesTheTicketsTheyHoldButNotLaterOnes() {
        TicketVerifier tickets = new TicketVerifier(SECRET, CLOCK);
        OpenViews open = new OpenViews();
        String held = issuer.issue("QL-01", "sub", "head");
        EmbeddedChannel watching = handshake("/live/QL-01/sub?ticket=" + held, tickets, open);
        EmbeddedChannel colleague = handshake("/live/QL-01/sub?ticket=" + issuer.issue("QL-01", "sub", "officer"), tickets, open);

        tickets.withdraw("head", NOW.plusSeconds(60));
        assertThat(open.close("head", LiveRefusal.ACCESS_WITHDRAWN)).isEqualTo(1);
        assertClosedWith(watching, LiveRefusal.ACCESS_WITHDRAWN);
        assertThat(colleague.isOpen()).as("another person's view goes on").isTrue();
        assertClosedWith(handshake("/live/QL-01/sub?ticket=" + held, tickets, open), LiveRefusal.ACCESS_WITHDRAWN);

        // signed in again (re-enabled, new commune): a ticket issued after the withdrawal opens
        String later = new LiveTicketIssuer(SECRET, Clock.offset(CLOCK, Duration.ofSeconds(1)), Duration.ofSeconds(60))
                .issue("QL-01", "sub", "head");
        assertThat(handshake("/live/QL-01/sub?ticket=" + later, tickets, open).isOpen()).isTrue();
        colleague.close();
    }
}
