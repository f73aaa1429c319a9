package io.canhgac.simulator.rtsp;

import io.canhgac.simulator.CameraCredentials;
import io.canhgac.simulator.scene.EncodedScene;
import io.canhgac.simulator.scene.MovingObject;
import io.canhgac.simulator.scene.SceneEncoder;
import io.canhgac.simulator.scene.SceneScript;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.canhgac.simulator.rtsp.RtspDigestAuth.md5;
import static org.assertj.core.api.Assertions.assertThat;

/** The RTSP codec and request handling, in an EmbeddedChannel: no sockets, exact bytes. */
class RtspServerHandlerTest {

    static EncodedScene scene;
    private final StreamBroadcaster sub = new StreamBroadcaster(scene, null, SceneClock.startingNow(5, 0, 2));

    @BeforeAll
    static void encode() throws Exception {
        scene = new SceneEncoder(Path.of("target/scene-cache"))
                .load(new SceneScript("handler-test", 160, 96, 5, 2, 1.0, 3, List.of(MovingObject.person(0.2, 1.8, 20))));
    }

    private EmbeddedChannel channel(RtspDigestAuth auth) {
        return new EmbeddedChannel(new RtspRequestDecoder(), new RtspResponseEncoder(),
                new RtspServerHandler("Cầu Nông Sơn", new TestStreams(sub, null), auth));
    }

    private static String exchange(EmbeddedChannel ch, String request) {
        ch.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.UTF_8));
        ByteBuf out = ch.readOutbound();
        assertThat(out).as("a response to " + request.lines().findFirst().orElse("")).isNotNull();
        try {
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
        }
    }

    @Test
    void describeAnswersWithAnSdpCarryingTheParameterSets() {
        EmbeddedChannel ch = channel(null);
        String options = exchange(ch, "OPTIONS rtsp://127.0.0.1/sub RTSP/1.0\r\nCSeq: 1\r\n\r\n");
        assertThat(options).startsWith("RTSP/1.0 200 OK\r\nCSeq: 1\r\n").contains("Public: OPTIONS, DESCRIBE, SETUP, PLAY");

        String describe = exchange(ch, "DESCRIBE rtsp://127.0.0.1/sub RTSP/1.0\r\nCSeq: 2\r\nAccept: application/sdp\r\n\r\n");
        assertThat(describe).startsWith("RTSP/1.0 200 OK").contains("Content-Base: rtsp://127.0.0.1/sub/")
                .contains("Content-Type: application/sdp").contains("m=video 0 RTP/AVP 96").contains("a=rtpmap:96 H264/90000")
                .contains("sprop-parameter-sets=" + Base64.getEncoder().encodeToString(scene.sps()) + ","
                        + Base64.getEncoder().encodeToString(scene.pps()))
                .contains("s=Cầu Nông Sơn");
        int length = Integer.parseInt(describe.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        assertThat(describe.substring(describe.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.UTF_8)).hasSize(length);
    }

    @Test
    void setupAndPlayOverTcpThenTeardownCloses() {
        EmbeddedChannel ch = channel(null);
        String setup = exchange(ch, "SETUP rtsp://127.0.0.1/sub/trackID=0 RTSP/1.0\r\nCSeq: 3\r\n"
                + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n");
        assertThat(setup).startsWith("RTSP/1.0 200 OK").contains("Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
        String session = setup.replaceAll("(?s).*Session: ([0-9a-f]+);timeout=60.*", "$1");
        assertThat(session).matches("[0-9a-f]+");

        // an interleaved RTCP report from the client arrives before the next request and is skipped
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'$', 1, 0, 4, 1, 2, 3, 4}));
        String play = exchange(ch, "PLAY rtsp://127.0.0.1/sub/ RTSP/1.0\r\nCSeq: 4\r\nSession: " + session + "\r\n\r\n");
        assertThat(play).startsWith("RTSP/1.0 200 OK").contains("RTP-Info: url=rtsp://127.0.0.1/sub/trackID=0;seq=")
                .contains("Session: " + session);
        assertThat(sub.sessionCount()).isEqualTo(1);

        String keepAlive = exchange(ch, "GET_PARAMETER rtsp://127.0.0.1/sub/ RTSP/1.0\r\nCSeq: 5\r\nSession: " + session + "\r\n\r\n");
        assertThat(keepAlive).as("keep-alive").startsWith("RTSP/1.0 200 OK").contains("Session: " + session + ";timeout=60");
        assertThat(sub.sessionCount()).as("still playing after a keep-alive").isEqualTo(1);

        String teardown = exchange(ch, "TEARDOWN rtsp://127.0.0.1/sub/ RTSP/1.0\r\nCSeq: 5\r\nSession: " + session + "\r\n\r\n");
        assertThat(teardown).startsWith("RTSP/1.0 200 OK");
        assertThat(sub.sessionCount()).isZero();
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void clearErrorsForWrongRequests() {
        EmbeddedChannel ch = channel(null);
        assertThat(exchange(ch, "DESCRIBE rtsp://127.0.0.1/nope RTSP/1.0\r\nCSeq: 1\r\n\r\n")).startsWith("RTSP/1.0 404 Stream Not Found");
        assertThat(exchange(ch, "DESCRIBE rtsp://127.0.0.1/main RTSP/1.0\r\nCSeq: 2\r\n\r\n"))
                .as("main stream still encoding").startsWith("RTSP/1.0 503 Service Unavailable").contains("Retry-After: 5");
        assertThat(exchange(ch, "SETUP rtsp://127.0.0.1/sub/trackID=0 RTSP/1.0\r\nCSeq: 3\r\nTransport: RTP/AVP;unicast;client_port=5000-5001\r\n\r\n"))
                .startsWith("RTSP/1.0 461 Unsupported Transport");
        assertThat(exchange(ch, "PLAY rtsp://127.0.0.1/sub/ RTSP/1.0\r\nCSeq: 4\r\n\r\n")).startsWith("RTSP/1.0 454 Session Not Found");
        assertThat(exchange(ch, "RECORD rtsp://127.0.0.1/sub/ RTSP/1.0\r\nCSeq: 5\r\n\r\n")).startsWith("RTSP/1.0 501 Not Implemented");
    }

    @Test
    void garbageClosesTheConnectionInsteadOfCrashing() {
        EmbeddedChannel ch = channel(null);
        ch.writeInbound(Unpooled.copiedBuffer("HELLO THERE\r\n\r\n", StandardCharsets.UTF_8));
        assertThat(ch.isOpen()).isFalse();
        EmbeddedChannel big = channel(null);
        big.writeInbound(Unpooled.wrappedBuffer(new byte[RtspRequestDecoder.MAX_HEADER_BYTES + 10]));
        assertThat(big.isOpen()).isFalse();
    }

    @Test
    void digestChallengeThenAccessWithTheRightAnswer() {
        RtspDigestAuth auth = new RtspDigestAuth("cam", () -> new CameraCredentials("admin", "NS@1234"));
        EmbeddedChannel ch = channel(auth);
        assertThat(exchange(ch, "OPTIONS rtsp://127.0.0.1/sub RTSP/1.0\r\nCSeq: 1\r\n\r\n")).as("OPTIONS is open").startsWith("RTSP/1.0 200");
        String challenge = exchange(ch, "DESCRIBE rtsp://127.0.0.1/sub RTSP/1.0\r\nCSeq: 2\r\n\r\n");
        assertThat(challenge).startsWith("RTSP/1.0 401 Unauthorized").contains("WWW-Authenticate: Digest realm=\"cam\"");
        Matcher m = Pattern.compile("nonce=\"([0-9a-f]+)\"").matcher(challenge);
        assertThat(m.find()).isTrue();
        String nonce = m.group(1);
        String uri = "rtsp://127.0.0.1/sub";
        String response = md5(md5("admin:cam:NS@1234") + ":" + nonce + ":" + md5("DESCRIBE:" + uri));
        String authorized = exchange(ch, "DESCRIBE " + uri + " RTSP/1.0\r\nCSeq: 3\r\nAuthorization: Digest username=\"admin\", realm=\"cam\", nonce=\""
                + nonce + "\", uri=\"" + uri + "\", response=\"" + response + "\"\r\n\r\n");
        assertThat(authorized).startsWith("RTSP/1.0 200 OK").contains("application/sdp");
        String wrong = exchange(ch, "DESCRIBE " + uri + " RTSP/1.0\r\nCSeq: 4\r\nAuthorization: Digest username=\"admin\", realm=\"cam\", nonce=\""
                + nonce + "\", uri=\"" + uri + "\", response=\"" + md5("x") + "\"\r\n\r\n");
        assertThat(wrong).startsWith("RTSP/1.0 401");
    }

}
