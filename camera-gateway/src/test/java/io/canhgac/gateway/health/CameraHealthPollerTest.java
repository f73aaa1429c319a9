package io.canhgac.gateway.health;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.EventType;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The poller's state machine with scripted verdicts: transitions, confirmation, backoff, and the loop never blocked. */
class CameraHealthPollerTest {

    private final EventLoop loop = new DefaultEventLoop();
    private final ExecutorService blocking = Executors.newCachedThreadPool();
    private final List<CameraEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        blocking.shutdownNow();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private static final HealthVerdict OFFLINE = new HealthVerdict(CameraStatus.OFFLINE, "connection refused");
    private static final HealthVerdict UNAUTHORIZED = new HealthVerdict(CameraStatus.UNAUTHORIZED, "password refused");

    @Test
    void everyChangeIsOneEventWithStatusAndReasonAndRepeatsAreNot() {
        Scripted check = new Scripted(HealthVerdict.ONLINE, HealthVerdict.ONLINE, OFFLINE, OFFLINE, OFFLINE,
                HealthVerdict.ONLINE, UNAUTHORIZED, HealthVerdict.ONLINE);
        try (CameraHealthPoller poller = poller(1)) {
            poller.watch("CAM", check);
            await().atMost(Duration.ofSeconds(5)).until(() -> check.remaining() == 0 && events.size() == 5);
        }
        assertThat(events).extracting(CameraEvent::status).containsExactly(CameraStatus.ONLINE, CameraStatus.OFFLINE,
                CameraStatus.ONLINE, CameraStatus.UNAUTHORIZED, CameraStatus.ONLINE);
        assertThat(events).extracting(CameraEvent::type).containsExactly(EventType.CAMERA_ONLINE, EventType.CAMERA_OFFLINE,
                EventType.CAMERA_ONLINE, EventType.CAMERA_OFFLINE, EventType.CAMERA_ONLINE);
        assertThat(events.get(1).detail()).isEqualTo("connection refused");
        assertThat(events.get(3).detail()).isEqualTo("password refused");
        assertThat(events).allMatch(e -> e.cameraId().equals("CAM"));
    }

    @Test
    void aWorseStatusNeedsConfirmingButRecoveryDoesNot() {
        Scripted check = new Scripted(HealthVerdict.ONLINE, OFFLINE, HealthVerdict.ONLINE, OFFLINE, OFFLINE, HealthVerdict.ONLINE);
        try (CameraHealthPoller poller = poller(2)) {
            poller.watch("CAM", check);
            await().atMost(Duration.ofSeconds(5)).until(() -> check.remaining() == 0 && events.size() == 3);
        }
        // the single failure between two good checks was a blip, not an outage
        assertThat(events).extracting(CameraEvent::status)
                .containsExactly(CameraStatus.ONLINE, CameraStatus.OFFLINE, CameraStatus.ONLINE);
    }

    @Test
    void checksRunOffTheLoopAndFailuresBackOffUpToTheCap() throws Exception {
        BlockingQueue<Long> at = new LinkedBlockingQueue<>();
        AtomicInteger onLoop = new AtomicInteger();
        HealthCheck failing = () -> {
            at.add(System.nanoTime());
            if (loop.inEventLoop()) {
                onLoop.incrementAndGet();
            }
            return OFFLINE;
        };
        HealthSettings settings = new HealthSettings(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(160), 1);
        try (CameraHealthPoller poller = new CameraHealthPoller(loop, blocking, settings, events::add)) {
            poller.watch("CAM", failing);
            List<Long> times = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                times.add(at.poll(5, TimeUnit.SECONDS));
            }
            assertThat(poller.status("CAM")).isEqualTo(CameraStatus.OFFLINE);
            List<Long> gaps = new java.util.ArrayList<>();
            for (int i = 1; i < times.size(); i++) {
                gaps.add(TimeUnit.NANOSECONDS.toMillis(times.get(i) - times.get(i - 1)));
            }
            // 40, 80, 160, 160, 160 ms: doubling, then capped (uncapped, the last would be 640 ms);
            // timers are never early, but a loaded machine may make them late, hence the loose upper bounds
            assertThat(gaps.get(0)).isBetween(35L, 400L);
            assertThat(gaps.get(1)).isGreaterThanOrEqualTo(75L);
            assertThat(gaps.subList(2, 5)).allMatch(g -> g >= 150 && g < 600, "between 150 and 600 ms");
        }
        assertThat(onLoop).hasValue(0);
        assertThat(events).hasSize(1);
    }

    private CameraHealthPoller poller(int confirmations) {
        return new CameraHealthPoller(loop, blocking,
                new HealthSettings(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(20), confirmations), events::add);
    }

    /** Answers the given verdicts in order, then the last one for ever. */
    private static final class Scripted implements HealthCheck {
        private final List<HealthVerdict> verdicts;
        private final AtomicInteger next = new AtomicInteger();

        Scripted(HealthVerdict... verdicts) {
            this.verdicts = List.of(verdicts);
        }

        @Override
        public HealthVerdict check() {
            int i = next.getAndIncrement();
            return verdicts.get(Math.min(i, verdicts.size() - 1));
        }

        int remaining() {
            return Math.max(0, verdicts.size() - next.get());
        }
    }
}
