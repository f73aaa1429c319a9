package io.canhgac.event.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.contract.IngestOutcome;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers events to the ingest API by camera-gateway's rules (its HttpEventPublisher; the event-service
 * does not depend on the gateway): in order, up to 200 a request, a batch until the service answers 200
 * for every event in it; dropped when answered 400 or 422; retried on any other answer and on an I/O
 * error, after a capped exponential backoff. Counts every answer, so a test can see what the gateway saw.
 */
final class TestEventPublisher implements AutoCloseable {

    static final int MAX_BATCH = 200; // the gateway's
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10); // the gateway's default

    private record Pending(UUID id, String json) {
    }

    private final URI ingest;
    private final String token;
    private final ObjectMapper json;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final LinkedBlockingDeque<Pending> queue = new LinkedBlockingDeque<>();
    private final Map<String, Integer> answers = new TreeMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final Thread sender = new Thread(this::sendLoop, "test-event-publisher");
    private volatile int inFlight;
    private volatile boolean closed;

    TestEventPublisher(String base, String token, ObjectMapper json, Duration retryInitial, Duration retryMax) {
        this.ingest = URI.create(base + "/api/ingest/events");
        this.token = token;
        this.json = json;
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
        sender.setDaemon(true);
        sender.start();
    }

    /** Queues one event, as JSON (e.g. from EventFixtures.event). */
    void accept(UUID id, String event) {
        queue.add(new Pending(id, event));
    }

    int pending() {
        return queue.size() + inFlight;
    }

    boolean drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** How often each answer came: the HTTP status, or the I/O error's class name. */
    synchronized Map<String, Integer> answers() {
        return new TreeMap<>(answers);
    }

    /** Events the service answered DUPLICATE: a re-delivery of what it had already stored. */
    int duplicates() {
        return duplicates.get();
    }

    /** Events given up on, as a refused (400/422) batch is. */
    int dropped() {
        return dropped.get();
    }

    private void sendLoop() {
        List<Pending> batch = new ArrayList<>();
        while (!closed) {
            try {
                Pending first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                inFlight = batch.size();
                deliver(batch);
                batch.clear();
                inFlight = 0;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void deliver(List<Pending> batch) throws InterruptedException {
        Duration backoff = retryInitial;
        while (true) {
            try {
                HttpResponse<String> response = post(batch);
                int status = response.statusCode();
                count(String.valueOf(status));
                if (status == 200 && acknowledged(batch, response.body())) {
                    return;
                }
                if (status == 400 || status == 422) {
                    dropped.addAndGet(batch.size());
                    return;
                }
            } catch (IOException e) {
                count(e.getClass().getSimpleName());
            }
            Thread.sleep(backoff.toMillis());
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(retryMax) > 0 ? retryMax : doubled;
        }
    }

    private HttpResponse<String> post(List<Pending> batch) throws IOException, InterruptedException {
        String body = "[" + String.join(",", batch.stream().map(Pending::json).toList()) + "]";
        return http.send(HttpRequest.newBuilder(ingest).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether every event of the batch has its outcome; counts the duplicates among them. */
    private boolean acknowledged(List<Pending> batch, String body) throws IOException {
        List<IngestOutcome> outcomes = json.readValue(body, new TypeReference<>() {
        });
        Set<UUID> answered = new HashSet<>();
        outcomes.forEach(o -> answered.add(o.id()));
        if (!batch.stream().allMatch(p -> answered.contains(p.id()))) {
            return false;
        }
        duplicates.addAndGet((int) outcomes.stream().filter(o -> o.result() == IngestOutcome.Result.DUPLICATE).count());
        return true;
    }

    private synchronized void count(String answer) {
        answers.merge(answer, 1, Integer::sum);
    }

    @Override
    public void close() {
        closed = true;
        sender.interrupt();
    }
}
