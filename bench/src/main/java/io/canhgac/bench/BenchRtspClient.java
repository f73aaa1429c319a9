package io.canhgac.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A viewer that costs almost nothing: plays one stream over RTSP/TCP (with digest auth) and only
 * counts bytes and pictures, so a benchmark measures the server, not the clients.
 */
final class BenchRtspClient implements Runnable {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final String host;
    private final int port;
    private final String uri;
    private final String user;
    private final String password;
    private volatile boolean stop;
    private volatile long bytes;
    private volatile long pictures;
    private volatile Exception failure;
    private Socket socket;
    private int cseq;
    private String authorization;

    BenchRtspClient(String host, int port, String stream, String user, String password) {
        this.host = host;
        this.port = port;
        this.uri = "rtsp://" + host + ":" + port + "/" + stream;
        this.user = user;
        this.password = password;
    }

    long bytes() {
        return bytes;
    }

    long pictures() {
        return pictures;
    }

    Exception failure() {
        return failure;
    }

    void stop() {
        stop = true;
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void run() {
        try (Socket s = new Socket(host, port)) {
            socket = s;
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 65536));
            OutputStream out = s.getOutputStream();
            Response describe = request(in, out, "DESCRIBE", uri, "");
            if (describe.status == 401) {
                authorization = digest(describe.headers.get("www-authenticate"), "DESCRIBE");
                describe = request(in, out, "DESCRIBE", uri, "");
            }
            expect(describe, "DESCRIBE");
            String base = describe.headers.getOrDefault("content-base", uri + "/");
            Response setup = request(in, out, "SETUP", base + "trackID=0", "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n");
            expect(setup, "SETUP");
            String session = setup.headers.get("session").split(";")[0];
            expect(request(in, out, "PLAY", base, "Session: " + session + "\r\n"), "PLAY");
            while (!stop) {
                int marker = in.readUnsignedByte();
                if (marker != '$') {
                    skipResponse(in, marker);
                    continue;
                }
                int channel = in.readUnsignedByte();
                int length = in.readUnsignedShort();
                byte[] packet = new byte[length];
                in.readFully(packet);
                bytes += length + 4;
                if (channel == 0 && length > 1 && (packet[1] & 0x80) != 0) {
                    pictures++; // the RTP marker bit ends a picture
                }
            }
        } catch (Exception e) {
            if (!stop) {
                failure = e;
            }
        }
    }

    private record Response(int status, Map<String, String> headers) {
    }

    private Response request(DataInputStream in, OutputStream out, String method, String target, String headers) throws IOException {
        String auth = authorization == null ? "" : "Authorization: " + authorizationFor(method, target) + "\r\n";
        out.write((method + " " + target + " RTSP/1.0\r\nCSeq: " + (++cseq) + "\r\n" + auth + headers + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        String status = readLine(in);
        Map<String, String> h = new HashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            h.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(h.getOrDefault("content-length", "0"));
        in.readFully(new byte[length]);
        return new Response(Integer.parseInt(status.split(" ")[1]), h);
    }

    private static void skipResponse(DataInputStream in, int first) throws IOException {
        // a stray text reply (keep-alive answer) between RTP frames: skip to its blank line
        String line = (char) first + readLine(in);
        while (!line.isEmpty()) {
            line = readLine(in);
        }
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    private static void expect(Response r, String what) throws IOException {
        if (r.status != 200) {
            throw new IOException(what + " answered " + r.status);
        }
    }

    private String realm;
    private String nonce;

    private String digest(String challenge, String method) throws IOException {
        if (challenge == null) {
            throw new IOException("401 without a challenge");
        }
        Matcher m = PARAM.matcher(challenge);
        Map<String, String> p = new HashMap<>();
        while (m.find()) {
            p.put(m.group(1), m.group(2));
        }
        realm = p.get("realm");
        nonce = p.get("nonce");
        return authorizationFor(method, uri);
    }

    private String authorizationFor(String method, String target) {
        String response = md5(md5(user + ":" + realm + ":" + password) + ":" + nonce + ":" + md5(method + ":" + target));
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + target
                + "\", response=\"" + response + "\"";
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
