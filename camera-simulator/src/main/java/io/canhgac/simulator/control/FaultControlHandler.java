package io.canhgac.simulator.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.simulator.CameraFaults;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatedCamera;
import io.canhgac.simulator.rtsp.CameraStorage;
import io.canhgac.simulator.rtsp.StreamBroadcaster;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Routes:
 * <pre>
 * GET  /cameras                          every camera's condition
 * GET  /cameras/{id}                     one camera
 * POST /cameras/{id}/offline?seconds=N   power off, back by itself after N s (default 30)
 * POST /cameras/{id}/reboot?seconds=N    the same, as a reboot (default 20 s)
 * POST /cameras/{id}/power-off | power-on
 * POST /cameras/{id}/stall | resume      the stream stops with its connection open, or flows again
 * POST /cameras/{id}/freeze | cover | live
 * POST /cameras/{id}/password?value=P    new password (open sessions drop)
 * POST /cameras/{id}/card-lose?seconds=N  the camera's own storage loses its last N s (default 60): a hole replay skips
 *
 * GET  /links                            every WAN link's conditions and figures
 * GET  /links/{name}                     one link (a commune id, e.g. que-loc)
 * POST /links/{name}/cut | restore       black hole both ways; restore resets connections that lost bytes
 * POST /links/{name}/clear               a perfect link again
 * POST /links/{name}/reset-counters
 * POST /links/{name}/rate?kbits=K        both ways, or ?up=K / ?down=K / both; kbit/s, 0 = unlimited,
 *                                        at most 1,000,000
 * POST /links/{name}/delay?ms=M&jitter=J each 0..60000 ms, order kept
 * POST /links/{name}/stall?ms=M          one pause without loss, 1..600000 ms
 * POST /links/{name}/stalls?every=E&for=F a pause of F ms every E ms (F shorter than E, both up to 600000);
 *                                        every=0 stops them
 * </pre>
 * The link routes are {@link LinkRoutes}.
 */
final class FaultControlHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final int MAX_SECONDS = 3600;
    private final CameraSimulator simulator;
    private final LinkRoutes links;
    private final ObjectMapper json = new ObjectMapper();

    FaultControlHandler(CameraSimulator simulator, LinkRoutes links) {
        this.simulator = simulator;
        this.links = links;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        String[] path = query.path().replaceAll("^/+|/+$", "").split("/");
        FullHttpResponse response;
        try {
            response = route(request.method(), path, query.parameters());
        } catch (NoSuchElementException e) {
            response = error(HttpResponseStatus.NOT_FOUND, e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            response = error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
        }
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private FullHttpResponse route(HttpMethod method, String[] path, Map<String, List<String>> params) throws Exception {
        if (path[0].equals("links")) {
            LinkRoutes.Reply reply = links.route(method, path, params);
            return respond(reply.status(), json.writeValueAsBytes(reply.body()));
        }
        if (path.length == 1 && path[0].equals("cameras") && method.equals(HttpMethod.GET)) {
            return ok(simulator.cameras().stream().map(this::view).toList());
        }
        if (path.length < 2 || !path[0].equals("cameras")) {
            throw new NoSuchElementException("no such route; try GET /cameras or GET /links");
        }
        SimulatedCamera camera = simulator.camera(path[1]);
        if (path.length == 2 && method.equals(HttpMethod.GET)) {
            return ok(view(camera));
        }
        if (path.length != 3 || !method.equals(HttpMethod.POST)) {
            return error(HttpResponseStatus.METHOD_NOT_ALLOWED, "faults are POST /cameras/{id}/{fault}");
        }
        switch (path[2]) {
            case "offline" -> camera.offlineFor(Duration.ofSeconds(seconds(params, 30)));
            case "reboot" -> camera.offlineFor(Duration.ofSeconds(seconds(params, 20)));
            case "power-off" -> camera.powerOff();
            case "power-on" -> camera.powerOn();
            case "stall" -> camera.stall();
            case "resume" -> camera.resume();
            case "freeze" -> camera.setPicture(StreamBroadcaster.Picture.FROZEN);
            case "cover" -> camera.setPicture(StreamBroadcaster.Picture.COVERED);
            case "live" -> camera.setPicture(StreamBroadcaster.Picture.LIVE);
            case "password" -> camera.changePassword(single(params, "value"));
            case "card-lose" -> {
                CameraStorage card = camera.storage()
                        .orElseThrow(() -> new IllegalStateException("camera " + camera.id() + " records onto no card"));
                card.lose(card.now().minusSeconds(seconds(params, 60)), card.now());
            }
            default -> throw new NoSuchElementException("unknown fault '" + path[2]
                    + "'; known: offline, reboot, power-off, power-on, stall, resume, freeze, cover, live, password, card-lose");
        }
        return ok(view(camera));
    }

    private Map<String, Object> view(SimulatedCamera camera) {
        CameraFaults f = camera.faults();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", camera.id());
        v.put("name", camera.name());
        v.put("rtsp", "rtsp://" + camera.rtspAddress().getHostString() + ":" + camera.rtspAddress().getPort() + "/");
        v.put("poweredOn", f.poweredOn());
        v.put("stalled", f.stalled());
        v.put("picture", f.picture());
        v.put("mainReady", f.mainReady());
        v.put("viewers", f.viewers());
        v.put("card", camera.storage().map(c -> Map.of("from", c.earliest().toString(), "holes", c.lost().size())).orElse(null));
        v.put("sceneSeconds", Math.round(f.sceneSeconds() * 10) / 10.0);
        return v;
    }

    private static int seconds(Map<String, List<String>> params, int fallback) {
        List<String> values = params.get("seconds");
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        try {
            int s = Integer.parseInt(values.get(0));
            if (s < 1 || s > MAX_SECONDS) {
                throw new IllegalArgumentException("seconds must be 1.." + MAX_SECONDS + ", was " + s);
            }
            return s;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seconds must be a whole number, was '" + values.get(0) + "'");
        }
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.size() != 1 || values.get(0).isEmpty()) {
            throw new IllegalArgumentException("give exactly one non-empty '" + name + "' parameter");
        }
        return values.get(0);
    }

    private FullHttpResponse ok(Object body) throws Exception {
        return respond(HttpResponseStatus.OK, json.writeValueAsBytes(body));
    }

    private FullHttpResponse error(HttpResponseStatus status, String message) {
        try {
            return respond(status, json.writeValueAsBytes(Map.of("error", message == null ? status.reasonPhrase() : message)));
        } catch (Exception e) {
            return respond(status, status.reasonPhrase().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static FullHttpResponse respond(HttpResponseStatus status, byte[] body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        r.headers().set(HttpHeaderNames.CONNECTION, "close"); // one request per connection: say so, or clients reuse it
        return r;
    }
}
