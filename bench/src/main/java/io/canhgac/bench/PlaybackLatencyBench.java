package io.canhgac.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.event.WebSession;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code -Dbench=playback-latency}: a click on the playback timeline to the first decodable picture. The
 * all-in-one jar in the communes topology with one commune of two cameras, its gateway recording
 * behind the simulator's link relay; each trial asks a playback ticket for a random recorded instant,
 * opens the WebSocket at the centre's live server and waits for the first fragment (a keyframe, after
 * the init segment). Measured on the bare loopback link, then through the relay with delay and a rate
 * cap, side by side. Trials: {@code -Dbench.trials} (15); degraded link: {@code -Dbench.delayMs} (150),
 * {@code -Dbench.jitterMs} (30), {@code -Dbench.kbits} (1000).
 */
final class PlaybackLatencyBench {

    private static final String COMMUNE = "que-loc";
    private static final String CAMERA = "QL-01";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVENTORY = """
            district: Playback bench
            timezone: Asia/Ho_Chi_Minh
            communes:
              - { id: que-loc, name: Quế Lộc }
            cameras:
              - { id: QL-01, name: "Sân vận động xã", commune: que-loc, latitude: 15.7208, longitude: 108.0088,
                  host: 127.0.10.11, manufacturer: Hikvision, model: DS-2DE4425IW-DE, ptz: true, username: admin, password: "NSQL01@1497", scene: idle, phaseSeconds: 13 }
              - { id: QL-02, name: "Trường THCS", commune: que-loc, latitude: 15.7517, longitude: 108.0014,
                  host: 127.0.10.12, manufacturer: Dahua, model: IPC-HFW2431S-S-S2, ptz: false, username: admin, password: "NSQL02@1892", scene: idle, phaseSeconds: 26 }
            """;

    static boolean run() throws Exception {
        int trials = Integer.getInteger("bench.trials", 15);
        int delay = Integer.getInteger("bench.delayMs", 150);
        int jitter = Integer.getInteger("bench.jitterMs", 30);
        int kbits = Integer.getInteger("bench.kbits", 1000);
        Path work = Files.createTempDirectory("bench-playback-");
        Path inventory = Files.writeString(work.resolve("playback.yaml"), INVENTORY);
        System.out.println("Playback latency, communes topology, 1 commune of 2 cameras, started " + Instant.now() + "; work in " + work);
        try (DistrictChild district = DistrictChild.start(work.resolve("district"), inventory)) {
            district.awaitDistrict(2, Duration.ofMinutes(4));
            WebSession operator = WebSession.login(district.base(), "operator", "operator-demo");
            Instant[] recorded = awaitRecorded(operator, Duration.ofSeconds(90));
            System.out.println("  recorded " + recorded[0] + " .. " + recorded[1]);
            Random random = new Random(13);
            List<Long> local = trials(operator, recorded, trials, random);
            district.control("POST", "/links/" + COMMUNE + "/delay?ms=" + delay + "&jitter=" + jitter);
            district.control("POST", "/links/" + COMMUNE + "/rate?kbits=" + kbits);
            List<Long> degraded = trials(operator, recorded, trials, random);
            district.control("POST", "/links/" + COMMUNE + "/clear");
            System.out.printf("click to first picture, %d trials each:  loopback link: median %d ms, worst %d ms  |  %d ms ± %d ms"
                            + " delay each way, %d kbit/s: median %d ms, worst %d ms  (ratio of medians %.1f)%n",
                    trials, median(local), max(local), delay, jitter, kbits, median(degraded), max(degraded),
                    (double) median(degraded) / median(local));
            return median(local) <= 1000;
        }
    }

    /** Waits for a minute of recording of the camera: [oldest, newest] recorded instant. */
    private static Instant[] awaitRecorded(WebSession operator, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Instant now = Instant.now();
            var r = operator.get("/api/cameras/" + CAMERA + "/recordings?from=" + now.minus(Duration.ofHours(2)) + "&to=" + now.plusSeconds(60));
            if (r.statusCode() == 200) {
                JsonNode spans = JSON.readTree(r.body()).get("spans");
                if (!spans.isEmpty()) {
                    Instant first = Instant.parse(spans.get(0).get("start").asText());
                    Instant last = Instant.parse(spans.get(spans.size() - 1).get("end").asText());
                    if (Duration.between(first, last).toSeconds() >= 60) {
                        return new Instant[]{first, last};
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no minute of recording of " + CAMERA + " within " + within + ": " + r.body());
            }
            Thread.sleep(2000);
        }
    }

    private static List<Long> trials(WebSession operator, Instant[] recorded, int trials, Random random) throws Exception {
        List<Long> millis = new ArrayList<>();
        long span = Duration.between(recorded[0], recorded[1]).toMillis() - 10_000;
        for (int i = 0; i < trials; i++) {
            Instant at = recorded[0].plusMillis(2000 + (long) (random.nextDouble() * span));
            millis.add(firstPicture(operator, at));
            Thread.sleep(300);
        }
        return millis;
    }

    /** From asking the ticket (what a click on the timeline does) to the first fragment after the init segment. */
    private static long firstPicture(WebSession operator, Instant at) throws Exception {
        long clicked = System.nanoTime();
        var ticket = operator.send("POST", "/api/playback/tickets",
                "{\"cameraId\":\"" + CAMERA + "\",\"stream\":\"main\",\"from\":\"" + at + "\",\"speed\":\"1\"}");
        if (ticket.statusCode() != 200) {
            throw new IllegalStateException("no playback ticket: " + ticket.statusCode() + " " + ticket.body());
        }
        CompletableFuture<Long> picture = new CompletableFuture<>();
        AtomicInteger binaries = new AtomicInteger();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(JSON.readTree(ticket.body()).get("url").asText()),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                        if (last && binaries.incrementAndGet() == 2) { // the init segment, then the first picture
                            picture.complete(System.nanoTime());
                        }
                        w.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                        picture.completeExceptionally(new IllegalStateException("closed " + code + " " + reason));
                        return null;
                    }
                }).join();
        try {
            return (picture.get(20, TimeUnit.SECONDS) - clicked) / 1_000_000;
        } finally {
            ws.abort();
        }
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private PlaybackLatencyBench() {
    }
}
