package io.canhgac.gateway.recording;

import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.SoapClient;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fills camera-offline gaps from the cameras' own storage, once a camera is back: at most one replay
 * per camera at a time (its gaps wait in line), a few at once across the gateway, each try of a gap
 * retried with a doubling wait. What cannot be filled keeps a reason that says why: no recording on
 * the camera to reach, not on the camera either, refused, or failed after every try.
 */
final class CardReplays implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CardReplays.class);

    /** @param due not tried before this (a retry's wait) */
    private record Job(CameraArchive archive, String stream, Instant from, Instant to, int attempt, long due) {
    }

    private final CameraCard.Directory cards;
    private final CardReplaySettings settings;
    private final CardFetch fetch;
    private final ScheduledExecutorService workers;
    private final Map<String, Deque<Job>> waiting = new HashMap<>();
    private final Map<String, Boolean> busy = new HashMap<>();

    CardReplays(CameraCard.Directory cards, CardReplaySettings settings, Duration segmentLength) {
        this.cards = cards;
        this.settings = settings;
        this.fetch = new CardFetch(SoapClient.newHttpClient(OnvifClientSettings.DEFAULTS), settings, segmentLength);
        this.workers = Executors.newScheduledThreadPool(settings.threads(), new DefaultThreadFactory("recording-replay", true));
    }

    /** The camera is back after {@code [from, to)} without pictures: fetch that from its storage. */
    void offline(CameraArchive archive, String stream, Instant from, Instant to) {
        enqueue(new Job(archive, stream, from, to, 1, System.nanoTime()), Duration.ZERO);
    }

    /** Gaps waiting or being fetched for the camera (tests, figures). */
    synchronized int pending(String cameraId) {
        return waiting.getOrDefault(cameraId, new ArrayDeque<>()).size() + (busy.getOrDefault(cameraId, false) ? 1 : 0);
    }

    private void enqueue(Job job, Duration after) {
        String camera = job.archive().cameraId();
        synchronized (this) {
            waiting.computeIfAbsent(camera, c -> new ArrayDeque<>()).addLast(job);
        }
        try {
            workers.schedule(() -> next(camera), after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the gateway stops: the gap stays as it was logged
        }
    }

    private void next(String camera) {
        Job job;
        synchronized (this) {
            if (busy.getOrDefault(camera, false)) {
                return; // the running replay takes the next one when it ends
            }
            Deque<Job> queue = waiting.get(camera);
            job = queue == null ? null : queue.peekFirst();
            if (job == null || job.due() - System.nanoTime() > 0) {
                return; // a retry whose wait is not over: its own timer comes back
            }
            queue.pollFirst();
            busy.put(camera, true);
        }
        try {
            run(job);
        } finally {
            boolean more;
            synchronized (this) {
                busy.put(camera, false);
                Deque<Job> queue = waiting.get(camera);
                more = queue != null && !queue.isEmpty();
            }
            if (more) {
                try {
                    workers.execute(() -> next(camera));
                } catch (RejectedExecutionException ignored) {
                    // stopping
                }
            }
        }
    }

    private void run(Job job) {
        CameraArchive archive = job.archive();
        Optional<CameraCard> card = cards.find(archive.cameraId());
        if (card.isEmpty()) {
            give(job, job.from(), CameraArchive.NO_CAMERA_RECORDING, "its ONVIF side is not known here");
            return;
        }
        CardFetch.Outcome outcome = fetch.fill(archive, card.get(), job.stream(), job.from(), job.to());
        switch (outcome.kind()) {
            case FILLED -> log.info("camera {}: gap {} – {} filled from the camera's own storage", archive.cameraId(),
                    job.from(), job.to());
            case NO_REPLAY -> give(job, outcome.until(), CameraArchive.NO_CAMERA_RECORDING, outcome.detail());
            case REFUSED -> give(job, outcome.until(), CameraArchive.REPLAY_REFUSED, outcome.detail());
            case FAILED -> {
                if (job.attempt() < settings.attempts()) {
                    Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(10, job.attempt() - 1));
                    log.info("camera {}: replay of {} – {} failed ({}); again in {} s", archive.cameraId(), outcome.until(),
                            job.to(), outcome.detail(), wait.toSeconds());
                    enqueue(new Job(archive, job.stream(), outcome.until(), job.to(), job.attempt() + 1,
                            System.nanoTime() + wait.toNanos()), wait);
                } else {
                    give(job, outcome.until(), CameraArchive.REPLAY_FAILED, outcome.detail());
                }
            }
        }
    }

    private static void give(Job job, Instant from, String reason, String why) {
        log.info("camera {}: gap {} – {} not filled from the camera: {}", job.archive().cameraId(), from, job.to(), why);
        job.archive().gap(from, job.to(), reason);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
