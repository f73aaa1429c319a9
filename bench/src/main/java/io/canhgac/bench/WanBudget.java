package io.canhgac.bench;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventory;
import io.canhgac.event.WebSession;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What crosses the communes' links, as their relays count it: per camera per hour with no motion, with
 * the simulator's scripted motion, and while one operator watches a camera; against what pulling every
 * substream to the centre would cost, counted the same way (bytes of the TCP streams).
 */
final class WanBudget {

    /** Bytes both ways through every commune link during {@code window}, per camera and hour, in kbit/s per camera. */
    static double kbitsPerCamera(DistrictChild district, DistrictInventory inventory, Duration window) throws Exception {
        Map<String, Integer> cameras = camerasPerCommune(inventory);
        for (String commune : cameras.keySet()) {
            district.control("POST", "/links/" + commune + "/reset-counters");
        }
        Thread.sleep(window.toMillis());
        long bytes = 0;
        for (String commune : cameras.keySet()) {
            long[] b = district.linkBytes(commune);
            bytes += b[0] + b[1];
        }
        int total = cameras.values().stream().mapToInt(Integer::intValue).sum();
        return bytes * 8.0 / 1000 / window.toSeconds() / total;
    }

    /** kbit/s through one commune's link while one browser watches one of its cameras' substream: [with the viewer, without]. */
    static double[] oneLiveViewer(DistrictChild district, String commune, String camera, Duration window) throws Exception {
        district.control("POST", "/links/" + commune + "/reset-counters");
        Thread.sleep(window.toMillis());
        long[] alone = district.linkBytes(commune);
        double without = (alone[0] + alone[1]) * 8.0 / 1000 / window.toSeconds();
        WebSession operator = WebSession.login(district.base(), "operator", "operator-demo");
        var ticket = operator.send("POST", "/api/live/tickets", "{\"cameraId\":\"" + camera + "\",\"stream\":\"sub\"}");
        if (ticket.statusCode() != 200) {
            throw new IllegalStateException("no live ticket: " + ticket.statusCode() + " " + ticket.body());
        }
        String url = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ticket.body()).get("url").asText();
        AtomicLong received = new AtomicLong();
        WebSocket viewer = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                received.addAndGet(data.remaining());
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                ws.request(1);
                return null;
            }
        }).join();
        Thread.sleep(3000); // the pull opens at the gateway and its first keyframe arrives
        district.control("POST", "/links/" + commune + "/reset-counters");
        Thread.sleep(window.toMillis());
        long[] b = district.linkBytes(commune);
        viewer.abort();
        if (received.get() == 0) {
            throw new IllegalStateException("the viewer of " + camera + " received nothing");
        }
        return new double[]{(b[0] + b[1]) * 8.0 / 1000 / window.toSeconds(), without};
    }

    /** kbit/s per camera if the centre pulled every substream of the commune itself (the all-in-one over a WAN). */
    static double pullingSubstreams(DistrictInventory inventory, String commune, int rtspPort, Duration window) throws Exception {
        List<BenchRtspClient> pulls = new ArrayList<>();
        for (CameraSpec c : inventory.cameras()) {
            if (c.commune().equals(commune)) {
                BenchRtspClient pull = new BenchRtspClient(c.host(), rtspPort, "sub", c.username(), c.password());
                Thread thread = new Thread(pull, "bench-pull-" + c.id());
                thread.setDaemon(true);
                thread.start();
                pulls.add(pull);
            }
        }
        Thread.sleep(2000);
        long before = pulls.stream().mapToLong(BenchRtspClient::bytes).sum();
        Thread.sleep(window.toMillis());
        long after = pulls.stream().mapToLong(BenchRtspClient::bytes).sum();
        pulls.forEach(BenchRtspClient::stop);
        return (after - before) * 8.0 / 1000 / window.toSeconds() / pulls.size();
    }

    static Map<String, Integer> camerasPerCommune(DistrictInventory inventory) {
        Map<String, Integer> cameras = new LinkedHashMap<>();
        inventory.cameras().forEach(c -> cameras.merge(c.commune(), 1, Integer::sum));
        return cameras;
    }

    private WanBudget() {
    }
}
