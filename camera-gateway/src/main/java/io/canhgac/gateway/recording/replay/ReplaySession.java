package io.canhgac.gateway.recording.replay;

import io.canhgac.gateway.onvif.DigestChallenge;
import io.canhgac.gateway.onvif.HttpDigestAuthorizer;
import io.canhgac.gateway.onvif.OnvifCredentials;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plays a range of a camera's own recording over ONVIF replay (RTSP over TCP): DESCRIBE, SETUP and
 * PLAY with {@code Require: onvif-replay}, {@code Range: clock=…} and {@code Rate-Control: no}; each
 * picture is dated by the RTP header extension's NTP time, not by when it arrived. The camera may send
 * as fast as it can: reading is held to {@code maxBytesPerSecond}, so a replay leaves room on the
 * commune's link for the live streams. Blocking; one session per call of {@link #play}.
 */
public final class ReplaySession {

    /** Receives the pictures of a replay, in order. */
    public interface Pictures {
        void picture(ReplayedPicture picture) throws IOException;

        /** The parameter sets the session description gives (either may be null), before any picture. */
        default void parameterSets(byte[] sps, byte[] pps) {
        }
    }

    /** The camera said no: the account is refused, or it does not replay (no retry helps). */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    /** How it ended, and the parameter sets the session description gave (null if none). */
    public record Played(int pictures, Instant lastPicture, byte[] sps, byte[] pps) {
    }

    private static final int RTP_CHANNEL = 0;
    private static final int RTCP_BYE = 203;
    private static final String REQUIRE = "onvif-replay";
    /** Well inside the 60 s session timeout cameras give. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final URI uri;
    private final OnvifCredentials account;
    private final Duration ioTimeout;
    private final long maxBytesPerSecond;
    private DataInputStream in;
    private OutputStream out;
    private int cseq;
    private HttpDigestAuthorizer digest;

    public ReplaySession(URI uri, OnvifCredentials account, Duration ioTimeout, long maxBytesPerSecond) {
        this.uri = withoutUserInfo(uri);
        this.account = account;
        this.ioTimeout = ioTimeout;
        this.maxBytesPerSecond = maxBytesPerSecond;
    }

    /** Plays {@code [from, to)}; returns once the camera ends the range (or a picture reaches {@code to}). */
    public Played play(Instant from, Instant to, Pictures sink) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 554 : uri.getPort()),
                    (int) ioTimeout.toMillis());
            socket.setSoTimeout((int) ioTimeout.toMillis());
            socket.setTcpNoDelay(true);
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 65_536));
            out = socket.getOutputStream();
            RtspReply describe = request("DESCRIBE", uri.toString(), Map.of("Accept", "application/sdp", "Require", REQUIRE));
            ReplaySdp sdp = ReplaySdp.parse(describe.body(), describe.header("Content-Base"), uri.toString());
            sink.parameterSets(sdp.sps(), sdp.pps());
            RtspReply setup = request("SETUP", sdp.trackUrl(), Map.of("Transport",
                    "RTP/AVP/TCP;unicast;interleaved=" + RTP_CHANNEL + "-" + (RTP_CHANNEL + 1), "Require", REQUIRE));
            String session = setup.header("Session");
            if (session == null) {
                throw new IOException("the camera's SETUP gave no session");
            }
            session = session.split(";")[0].trim();
            Map<String, String> play = new LinkedHashMap<>();
            play.put("Session", session);
            play.put("Range", "clock=" + ReplayClockFormat.format(from) + "-" + ReplayClockFormat.format(to));
            play.put("Rate-Control", "no");
            play.put("Require", REQUIRE);
            request("PLAY", sdp.baseUrl(), play);
            Played played = receive(to, sink, sdp, session);
            try {
                out.write(RtspWire.request("TEARDOWN", sdp.baseUrl(), ++cseq, withAuth("TEARDOWN", sdp.baseUrl(),
                        Map.of("Session", session))));
                out.flush();
            } catch (IOException ignored) {
                // the range is played; a camera that already closed needs no goodbye
            }
            return played;
        }
    }

    private Played receive(Instant to, Pictures sink, ReplaySdp sdp, String session) throws IOException {
        H264Depacketizer depacketizer = new H264Depacketizer();
        Map<Long, ReplayMark> marks = new HashMap<>();
        long started = System.nanoTime();
        long keptAlive = started;
        long bytes = 0;
        int pictures = 0;
        Instant last = null;
        while (true) {
            Object message = RtspWire.read(in);
            if (!(message instanceof RtspWire.Frame frame)) {
                continue; // a late answer (keep-alive) or an announcement
            }
            bytes += frame.data().length + 4;
            hold(started, bytes);
            if (System.nanoTime() - keptAlive > KEEP_ALIVE.toNanos()) {
                // a long fetch at a bounded rate outlasts the session timeout: the camera must hear from us
                keptAlive = System.nanoTime();
                out.write(RtspWire.request("GET_PARAMETER", sdp.baseUrl(), ++cseq, withAuth("GET_PARAMETER", sdp.baseUrl(),
                        Map.of("Session", session))));
                out.flush();
            }
            if (frame.channel() != RTP_CHANNEL) {
                if (isBye(frame.data())) {
                    return new Played(pictures, last, sdp.sps(), sdp.pps());
                }
                continue;
            }
            RtpPacket packet = RtpPacket.parse(frame.data());
            ReplayMark mark = ReplayMark.of(packet).orElseThrow(() ->
                    new Refused("the camera's replay carries no ONVIF clock extension: its pictures cannot be dated"));
            marks.putIfAbsent(packet.timestamp(), mark);
            for (H264Depacketizer.Unit unit : depacketizer.accept(packet)) {
                ReplayMark m = marks.remove(unit.timestamp());
                if (m == null) {
                    continue; // its first packet was lost with a broken picture: it cannot be dated
                }
                if (!m.time().isBefore(to)) {
                    return new Played(pictures, last, sdp.sps(), sdp.pps());
                }
                sink.picture(new ReplayedPicture(m.time(), unit.nals(), unit.keyframe(), m.discontinuity()));
                pictures++;
                last = m.time();
                if (m.last()) {
                    return new Played(pictures, last, sdp.sps(), sdp.pps());
                }
            }
            if (marks.size() > 64) {
                marks.clear(); // pictures that never completed
            }
        }
    }

    /** Sleeps as long as reading has run ahead of the byte rate. */
    private void hold(long startedNanos, long bytes) throws IOException {
        long dueNanos = bytes * 1_000_000_000L / maxBytesPerSecond;
        long ahead = dueNanos - (System.nanoTime() - startedNanos);
        if (ahead > 1_000_000) {
            try {
                Thread.sleep(ahead / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("replay stopped");
            }
        }
    }

    private static boolean isBye(byte[] rtcp) {
        // a compound RTCP packet: walk its parts for a BYE
        int at = 0;
        while (at + 4 <= rtcp.length) {
            if ((rtcp[at + 1] & 0xFF) == RTCP_BYE) {
                return true;
            }
            at += 4 * ((((rtcp[at + 2] & 0xFF) << 8) | (rtcp[at + 3] & 0xFF)) + 1);
        }
        return false;
    }

    private RtspReply request(String method, String target, Map<String, String> headers) throws IOException {
        RtspReply reply = send(method, target, headers);
        if (reply.status() == 401 && digest == null && !account.isAnonymous()) {
            String challenge = reply.header("WWW-Authenticate");
            DigestChallenge parsed = challenge == null ? null : DigestChallenge.parse(challenge).orElse(null);
            if (parsed == null) {
                throw new Refused("the camera asks for an authentication we do not answer: " + challenge);
            }
            digest = new HttpDigestAuthorizer(parsed, new SecureRandom());
            reply = send(method, target, headers);
        }
        if (reply.status() == 401 || reply.status() == 403) {
            throw new Refused("the camera refused the account for replay (" + reply.status() + " " + reply.reason() + ")");
        }
        if (reply.status() == 551 || reply.status() == 400 && "DESCRIBE".equals(method) || reply.status() == 404) {
            throw new Refused("the camera does not replay " + target + " (" + reply.status() + " " + reply.reason() + ")");
        }
        if (!reply.ok()) {
            throw new IOException(method + " answered " + reply.status() + " " + reply.reason());
        }
        return reply;
    }

    private RtspReply send(String method, String target, Map<String, String> headers) throws IOException {
        int sent = ++cseq;
        out.write(RtspWire.request(method, target, sent, withAuth(method, target, headers)));
        out.flush();
        while (true) {
            Object message = RtspWire.read(in);
            if (message instanceof RtspReply reply) {
                return reply;
            }
        }
    }

    private Map<String, String> withAuth(String method, String target, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("User-Agent", "CanhGac-gateway replay");
        if (digest != null) {
            all.put("Authorization", digest.authorization(account, method, target));
        }
        return all;
    }

    private static URI withoutUserInfo(URI u) {
        if (u.getRawUserInfo() == null) {
            return u;
        }
        return URI.create(u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                + (u.getRawPath() == null ? "" : u.getRawPath()) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
    }
}
