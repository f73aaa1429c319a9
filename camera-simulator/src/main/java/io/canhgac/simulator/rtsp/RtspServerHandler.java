package io.canhgac.simulator.rtsp;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers one connection's RTSP requests: OPTIONS, DESCRIBE, SETUP (TCP interleaved), PLAY, GET_PARAMETER, TEARDOWN;
 * on {@code replay/<stream>} the same for ONVIF replay of the camera's own recording ({@code Require: onvif-replay},
 * {@code Range: clock=…}, {@code Rate-Control}).
 */
final class RtspServerHandler extends SimpleChannelInboundHandler<RtspRequest> {

    private static final Logger log = LoggerFactory.getLogger(RtspServerHandler.class);
    static final String REPLAY = "replay";
    private static final Pattern INTERLEAVED = Pattern.compile("interleaved=(\\d+)(?:-(\\d+))?");
    static final int SESSION_TIMEOUT_SECONDS = 60;

    private final String cameraName;
    private final StreamCatalog streams;
    private final RtspDigestAuth auth;
    private final String nonce;
    private RtspSession session;
    private StreamBroadcaster playing;
    private StreamBroadcaster setUp;
    private boolean setUpReplay;
    private ReplayStreamer replaying;

    /** @param auth null for a camera without authentication */
    RtspServerHandler(String cameraName, StreamCatalog streams, RtspDigestAuth auth) {
        this.cameraName = cameraName;
        this.streams = streams;
        this.auth = auth;
        this.nonce = auth == null ? null : auth.newNonce();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RtspRequest request) {
        if (needsAuth(request) && !auth.verify(request.method(), request.header("Authorization"), nonce)) {
            ctx.writeAndFlush(RtspResponse.error(request, 401, "Unauthorized")
                    .header("WWW-Authenticate", auth.challenge(nonce)));
            return;
        }
        if (refusedReplay(request) && !"OPTIONS".equals(request.method()) && !"TEARDOWN".equals(request.method())) {
            ctx.writeAndFlush(RtspResponse.error(request, 400, "Replay Needs Require: onvif-replay"));
            return;
        }
        RtspResponse response = switch (request.method()) {
            case "OPTIONS" -> RtspResponse.ok(request)
                    .header("Public", "OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER, TEARDOWN");
            case "DESCRIBE" -> describe(request);
            case "SETUP" -> setup(ctx, request);
            case "PLAY" -> play(request);
            case "GET_PARAMETER", "SET_PARAMETER" -> withSession(RtspResponse.ok(request));
            case "TEARDOWN" -> teardown(request);
            default -> RtspResponse.error(request, 501, "Not Implemented");
        };
        if ("TEARDOWN".equals(request.method())) {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response);
        }
    }

    /** Like real cameras: OPTIONS is open, the requests that reach the video are not. */
    private boolean needsAuth(RtspRequest request) {
        return auth != null && switch (request.method()) {
            case "DESCRIBE", "SETUP", "PLAY" -> true;
            default -> false;
        };
    }

    private static String streamName(RtspRequest request) {
        String path = request.path();
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    private Optional<StreamBroadcaster> stream(RtspRequest request) {
        if (isReplay(request)) {
            String[] parts = request.path().split("/");
            return parts.length > 1 && streams.storage().isPresent() ? streams.find(parts[1]) : Optional.empty();
        }
        return streams.find(streamName(request));
    }

    private static boolean isReplay(RtspRequest request) {
        return REPLAY.equals(streamName(request));
    }

    /** A replay request that does not say it speaks ONVIF replay is refused: it would not read the clock extension. */
    private static boolean refusedReplay(RtspRequest request) {
        String require = request.header("Require");
        return isReplay(request) && (require == null || !require.toLowerCase(java.util.Locale.ROOT).contains("onvif-replay"));
    }

    /** 404 for a path the camera does not have, 503 for a stream still starting. */
    private RtspResponse missing(RtspRequest request) {
        return !isReplay(request) && streams.exists(streamName(request))
                ? RtspResponse.error(request, 503, "Service Unavailable").header("Retry-After", "5")
                : RtspResponse.error(request, 404, "Stream Not Found");
    }

    private RtspResponse describe(RtspRequest request) {
        Optional<StreamBroadcaster> stream = stream(request);
        if (stream.isEmpty()) {
            return missing(request);
        }
        String base = request.uri().endsWith("/") ? request.uri() : request.uri() + "/";
        return RtspResponse.ok(request)
                .header("Content-Base", base)
                .body("application/sdp", Sdp.describe(cameraName, stream.get().scene()));
    }

    private RtspResponse setup(ChannelHandlerContext ctx, RtspRequest request) {
        Optional<StreamBroadcaster> stream = stream(request);
        if (stream.isEmpty()) {
            return missing(request);
        }
        String transport = request.header("Transport");
        Matcher m = transport == null ? null : INTERLEAVED.matcher(transport);
        if (transport == null || !transport.contains("TCP") || !m.find()) {
            return RtspResponse.error(request, 461, "Unsupported Transport");
        }
        int rtp = Integer.parseInt(m.group(1));
        if (session == null) {
            String id = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            session = new RtspSession(id, ctx.channel(), rtp);
        }
        setUp = stream.get();
        setUpReplay = isReplay(request);
        return withSession(RtspResponse.ok(request))
                .header("Transport", "RTP/AVP/TCP;unicast;interleaved=" + rtp + "-" + (rtp + 1));
    }

    private RtspResponse play(RtspRequest request) {
        if (session == null || setUp == null) {
            return RtspResponse.error(request, 454, "Session Not Found");
        }
        if (setUpReplay) {
            return replay(request);
        }
        if (playing == null) {
            playing = setUp;
            playing.subscribe(session);
        }
        return withSession(RtspResponse.ok(request))
                .header("Range", "npt=now-")
                .header("RTP-Info", "url=" + trackUrl(request) + ";seq=" + playing.nextSequence()
                        + ";rtptime=" + playing.nextTimestamp());
    }

    private RtspResponse replay(RtspRequest request) {
        Optional<ReplayRange> range = ReplayRange.parse(request.header("Range"));
        if (range.isEmpty()) {
            return RtspResponse.error(request, 457, "Invalid Range");
        }
        stopPlaying();
        int cseq;
        try {
            cseq = Integer.parseInt(request.cseq().trim());
        } catch (NumberFormatException e) {
            cseq = 0;
        }
        boolean paced = !"no".equalsIgnoreCase(String.valueOf(request.header("Rate-Control")).trim());
        replaying = new ReplayStreamer(session, setUp, streams.storage().orElseThrow(), range.get().from(), range.get().to(),
                paced, cseq);
        RtspResponse response = withSession(RtspResponse.ok(request))
                .header("Range", range.get().header())
                .header("RTP-Info", "url=" + trackUrl(request) + ";seq=" + replaying.firstSequence()
                        + ";rtptime=" + replaying.firstTimestamp());
        replaying.start();
        return response;
    }

    private static String trackUrl(RtspRequest request) {
        return request.uri().endsWith("/") ? request.uri() + Sdp.TRACK : request.uri() + "/" + Sdp.TRACK;
    }

    private RtspResponse teardown(RtspRequest request) {
        RtspResponse response = withSession(RtspResponse.ok(request));
        stopPlaying();
        return response;
    }

    private RtspResponse withSession(RtspResponse response) {
        if (session != null) {
            response.header("Session", session.id() + ";timeout=" + SESSION_TIMEOUT_SECONDS);
        }
        return response;
    }

    private void stopPlaying() {
        if (replaying != null) {
            replaying.stop();
            replaying = null;
        }
        if (playing != null) {
            playing.unsubscribe(session);
            playing = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stopPlaying();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("RTSP connection {} to camera '{}' closed: {}", ctx.channel().remoteAddress(), cameraName, cause.toString());
        ctx.close();
    }

    /** The session description of a stream. */
    static final class Sdp {
        static final String TRACK = "trackID=0";

        private Sdp() {
        }

        static String describe(String cameraName, io.canhgac.simulator.scene.EncodedScene scene) {
            Base64.Encoder b64 = Base64.getEncoder();
            return "v=0\r\n"
                    + "o=- " + (System.currentTimeMillis() / 1000) + " 1 IN IP4 127.0.0.1\r\n"
                    + "s=" + cameraName.replaceAll("[\\r\\n]", " ") + "\r\n"
                    + "c=IN IP4 0.0.0.0\r\n"
                    + "t=0 0\r\n"
                    + "a=control:*\r\n"
                    + "a=range:npt=now-\r\n"
                    + "m=video 0 RTP/AVP " + RtpPacketizer.PAYLOAD_TYPE + "\r\n"
                    + "a=rtpmap:" + RtpPacketizer.PAYLOAD_TYPE + " H264/90000\r\n"
                    + "a=fmtp:" + RtpPacketizer.PAYLOAD_TYPE + " packetization-mode=1;profile-level-id="
                    + scene.profileLevelId() + ";sprop-parameter-sets="
                    + b64.encodeToString(scene.sps()) + "," + b64.encodeToString(scene.pps()) + "\r\n"
                    + "a=framerate:" + scene.script().fps() + "\r\n"
                    + "a=control:" + TRACK + "\r\n";
        }
    }
}
