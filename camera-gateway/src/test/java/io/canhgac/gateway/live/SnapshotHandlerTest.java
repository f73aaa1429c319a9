package io.canhgac.gateway.live;

import io.canhgac.contract.live.LiveTicketIssuer;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain-HTTP side of the live port on an EmbeddedChannel: routes and ticket refusals, before any camera is touched. */
class SnapshotHandlerTest {

    static final byte[] SECRET = "snapshot-test-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final SnapshotService snapshots = new SnapshotService(
            LiveSources.rtsp(CameraStreams.of(Map.of("QL-01", "rtsp://127.0.0.1:1/sub"), Map.of()), LiveSettings.DEFAULTS.ioTimeout()),
            LiveSettings.DEFAULTS, key -> java.util.Optional.empty());
    private final EmbeddedChannel ch = new EmbeddedChannel(new SnapshotHandler(snapshots, new TicketVerifier(SECRET)));
    private final LiveTicketIssuer issuer = new LiveTicketIssuer(SECRET);

    @AfterEach
    void close() {
        ch.finishAndReleaseAll();
        snapshots.close();
    }

    private FullHttpResponse get(String uri) {
        ch.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri));
        return ch.readOutbound();
    }

    private static void assertAnswer(FullHttpResponse response, HttpResponseStatus status, String body) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.content().toString(StandardCharsets.UTF_8)).isEqualTo(body);
        response.release();
    }

    @Test
    void answersOnlySnapshotPathsWithAValidTicket() {
        assertAnswer(get("/"), HttpResponseStatus.NOT_FOUND, "use GET /snapshot/<cameraId>/<sub|main>?ticket=…");
        assertAnswer(get("/snapshot/QL-01/hd"), HttpResponseStatus.NOT_FOUND, "use GET /snapshot/<cameraId>/<sub|main>?ticket=…");
        assertAnswer(get("/snapshot/QL-01/sub"), HttpResponseStatus.UNAUTHORIZED, LiveRefusal.TICKET_MISSING.reason());
        assertAnswer(get("/snapshot/QL-01/sub?ticket=forged.ticket"), HttpResponseStatus.FORBIDDEN, LiveRefusal.TICKET_INVALID.reason());
        assertAnswer(get("/snapshot/QL-01/sub?ticket=" + issuer.issue("QL-02", "sub", "u")), HttpResponseStatus.FORBIDDEN,
                LiveRefusal.TICKET_OTHER_STREAM.reason());
        assertAnswer(get("/snapshot/QL-02/sub?ticket=" + issuer.issue("QL-02", "sub", "u")), HttpResponseStatus.NOT_FOUND,
                LiveRefusal.UNKNOWN_CAMERA.reason());
    }
}
