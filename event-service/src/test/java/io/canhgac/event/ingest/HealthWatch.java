package io.canhgac.event.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Asks /actuator/health (anonymously, as a load balancer would) every half second and keeps each answer. */
final class HealthWatch implements AutoCloseable {

    /** One check: when it was asked, when answered, and the HTTP status (200 UP, 503 DOWN; 0: no answer). */
    record Check(Instant asked, Instant answered, int status) {
        boolean within(Instant from, Instant to) {
            return !asked.isBefore(from) && !answered.isAfter(to);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI health;
    private final List<Check> checks = new CopyOnWriteArrayList<>();
    private final Thread thread = new Thread(this::run, "health-watch");
    private volatile boolean closed;

    HealthWatch(String base) {
        this.health = URI.create(base + "/actuator/health");
        thread.setDaemon(true);
    }

    HealthWatch start() {
        thread.start();
        return this;
    }

    private void run() {
        while (!closed) {
            Instant asked = Instant.now();
            int status;
            try {
                status = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                status = 0;
            }
            checks.add(new Check(asked, Instant.now(), status));
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    List<Check> between(Instant from, Instant to) {
        return checks.stream().filter(c -> c.within(from, to)).toList();
    }

    /** The first check asked at or after the instant that answered UP. */
    Optional<Check> firstUpAskedFrom(Instant from) {
        return checks.stream().filter(c -> !c.asked().isBefore(from) && c.status() == 200).findFirst();
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
