package io.canhgac.event.ingest;

import io.canhgac.contract.EventType;
import io.canhgac.event.EventFixtures;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Motion as a busy gateway reports it, at a steady rate whatever the service is doing: the cameras
 * take turns, each alternating MOTION_START and MOTION_END. Remembers every event it handed over.
 */
final class SteadyProducer implements AutoCloseable {

    /** One event handed to the publisher, and when. */
    record Produced(UUID id, EventType type, Instant at) {
    }

    private final TestEventPublisher publisher;
    private final List<String> cameras;
    private final List<Produced> produced = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "steady-producer");
        t.setDaemon(true);
        return t;
    });
    private long ticks;

    SteadyProducer(TestEventPublisher publisher, List<String> cameras) {
        this.publisher = publisher;
        this.cameras = List.copyOf(cameras);
    }

    SteadyProducer start(int eventsPerSecond) {
        timer.scheduleAtFixedRate(this::tick, 0, 1_000_000 / eventsPerSecond, TimeUnit.MICROSECONDS);
        return this;
    }

    private void tick() {
        long n = ticks++;
        String camera = cameras.get((int) (n % cameras.size()));
        EventType type = (n / cameras.size()) % 2 == 0 ? EventType.MOTION_START : EventType.MOTION_END;
        Instant now = Instant.now();
        UUID id = UUID.randomUUID();
        produced.add(new Produced(id, type, now));
        publisher.accept(id, EventFixtures.event(id, camera, type.name(), now.toString(), ",\"score\":0.05"));
    }

    /** Stops producing; what was produced stays with the publisher. */
    void stop() throws InterruptedException {
        timer.shutdown();
        if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("producer did not stop");
        }
    }

    List<UUID> ids(EventType type) {
        return produced.stream().filter(p -> type == null || p.type() == type).map(Produced::id).toList();
    }

    List<UUID> producedBefore(Instant at) {
        return produced.stream().filter(p -> p.at().isBefore(at)).map(Produced::id).toList();
    }

    List<UUID> producedFrom(Instant at) {
        return produced.stream().filter(p -> !p.at().isBefore(at)).map(Produced::id).toList();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
