package io.canhgac.event.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.canhgac.contract.EventType;
import io.canhgac.event.alert.RaisedAlert;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay alone, on a channel the test switches on and off: full queue, drops, order, backoff. */
class AlertRelayTest {

    /** Fails while down; records every attempt and every delivered alert. */
    static final class SwitchedChannel implements AlertChannel {
        volatile boolean up;
        final AtomicInteger attempts = new AtomicInteger();
        final List<Long> attemptNanos = new CopyOnWriteArrayList<>();
        final List<UUID> delivered = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "test";
        }

        @Override
        public Delivery deliver(RaisedAlert alert, byte[] json) throws IOException {
            attempts.incrementAndGet();
            attemptNanos.add(System.nanoTime());
            if (!up) {
                throw new IOException("down");
            }
            delivered.add(alert.id());
            return Delivery.DELIVERED;
        }

        @Override
        public void close() {
        }
    }

    private static RaisedAlert alert() {
        return new RaisedAlert(UUID.randomUUID(), UUID.randomUUID(), EventType.MOTION_START, "QL-01", "Sân vận động xã",
                "que-loc", "Quế Lộc", Instant.parse("2026-11-22T01:00:00Z"));
    }

    @Test
    void aFullQueueDropsTheNewestCountsThemAndDeliversTheRestInOrderOnceBack() {
        SwitchedChannel channel = new SwitchedChannel();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AlertRelay relay = new AlertRelay(channel, new RelaySettings(3, Duration.ofMillis(20), Duration.ofMillis(80)),
                new ObjectMapper().registerModule(new JavaTimeModule()), registry);
        relay.start();
        try {
            List<RaisedAlert> alerts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                alerts.add(alert());
            }
            relay.offer(alerts.get(0));
            await().atMost(Duration.ofSeconds(5)).until(() -> channel.attempts.get() >= 1); // the first is in hand, retrying
            long began = System.nanoTime();
            alerts.subList(1, 6).forEach(relay::offer);
            assertThat(Duration.ofNanos(System.nanoTime() - began)).as("offer never waits").isLessThan(Duration.ofMillis(500));
            assertThat(relay.queued()).isEqualTo(3);
            assertThat(count(registry, "dropped")).isEqualTo(2);
            assertThat(registry.get("canhgac.alerts.outbox").tag("sink", "test").gauge().value()).isEqualTo(3);

            await().atMost(Duration.ofSeconds(5)).until(() -> channel.attempts.get() >= 6);
            channel.up = true;
            await().atMost(Duration.ofSeconds(5)).until(() -> channel.delivered.size() == 4);
            assertThat(channel.delivered).containsExactly(alerts.get(0).id(), alerts.get(1).id(), alerts.get(2).id(), alerts.get(3).id());
            assertThat(count(registry, "delivered")).isEqualTo(4);
            assertThat(relay.queued()).isZero();

            // waits grew from 20 ms and stopped at the 80 ms cap
            List<Long> t = channel.attemptNanos;
            assertThat(Duration.ofNanos(t.get(1) - t.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(18));
            assertThat(Duration.ofNanos(t.get(3) - t.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(75));
        } finally {
            relay.stop();
        }
        assertThat(relay.isRunning()).isFalse();
    }

    @Test
    void backoffDoublesFromTheMinimumUpToTheCap() {
        RelaySettings settings = new RelaySettings(1, Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThat(List.of(1, 2, 3, 4, 5, 50).stream().map(settings::backoff).map(Duration::toMillis).toList())
                .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
    }

    private static double count(SimpleMeterRegistry registry, String outcome) {
        return registry.get("canhgac.alerts.published").tag("sink", "test").tag("outcome", outcome).counter().count();
    }
}
