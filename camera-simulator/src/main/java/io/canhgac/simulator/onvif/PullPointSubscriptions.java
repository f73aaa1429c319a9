package io.canhgac.simulator.onvif;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A device's pull-point subscriptions (ONVIF Core, "Real-time Pull-Point Notification Interface").
 * All state lives on one event loop — events, long polls, expiry timers — so there are no locks;
 * callers get futures. A subscription lives until its termination time unless renewed, queues at
 * most {@link #MAX_QUEUED_MESSAGES} messages (oldest dropped first), and has at most one waiting
 * PullMessages: a second one answers the first with what it has, as a new poll supersedes it.
 */
final class PullPointSubscriptions {

    static final int MAX_SUBSCRIPTIONS = 10;
    static final int MAX_QUEUED_MESSAGES = 200;
    static final Duration DEFAULT_TERMINATION = Duration.ofMinutes(1);
    static final Duration MAX_TERMINATION = Duration.ofHours(1);
    /** Longest a PullMessages waits; ONVIF lets the device cap the client's Timeout. */
    static final Duration MAX_PULL_TIMEOUT = Duration.ofMinutes(1);

    record Lease(String id, Instant currentTime, Instant terminationTime) {
    }

    record Pulled(List<CameraEvent> messages, Instant currentTime, Instant terminationTime) {
    }

    private final EventExecutor loop;
    private final DeviceEvents events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, PullPoint> pullPoints = new LinkedHashMap<>();
    private final Consumer<CameraEvent> listener = this::onEvent;

    PullPointSubscriptions(EventExecutor loop, DeviceEvents events, Clock clock) {
        this.loop = loop;
        this.events = events;
        this.clock = clock;
    }

    void open() {
        events.addListener(listener);
    }

    /** Ends every subscription, answering waiting polls with nothing. */
    void close() {
        events.removeListener(listener);
        try {
            loop.execute(() -> {
                pullPoints.values().forEach(PullPoint::end);
                pullPoints.clear();
            });
        } catch (RejectedExecutionException loopAlreadyDown) {
            // nothing can be waiting on a loop that no longer runs
        }
    }

    CompletableFuture<Lease> create(Duration requested) {
        return onLoop(() -> {
            if (pullPoints.size() >= MAX_SUBSCRIPTIONS) {
                throw new SoapFault(SoapFault.Code.RECEIVER, List.of(),
                        "Too many subscriptions: this device keeps at most " + MAX_SUBSCRIPTIONS,
                        "<wsnt:SubscribeCreationFailedFault><wsrf-bf:Timestamp>" + Xsd.dateTime(clock.instant())
                                + "</wsrf-bf:Timestamp></wsnt:SubscribeCreationFailedFault>");
            }
            String id = HexFormat.of().formatHex(nextId());
            PullPoint p = new PullPoint(id);
            pullPoints.put(id, p);
            p.extend(requested);
            events.initialStates().forEach(p::offer);
            return new Lease(id, clock.instant(), p.termination);
        });
    }

    CompletableFuture<Pulled> pull(String id, Duration timeout, int limit, Future<?> connectionClosed) {
        CompletableFuture<CompletableFuture<Pulled>> started = onLoop(() -> {
            PullPoint p = find(id);
            return p.pull(min(timeout, MAX_PULL_TIMEOUT), limit, connectionClosed);
        });
        return started.thenCompose(f -> f);
    }

    CompletableFuture<Lease> renew(String id, Duration requested) {
        return onLoop(() -> {
            PullPoint p = find(id);
            p.extend(requested);
            return new Lease(id, clock.instant(), p.termination);
        });
    }

    CompletableFuture<Void> unsubscribe(String id) {
        return onLoop(() -> {
            find(id).end();
            pullPoints.remove(id);
            return null;
        });
    }

    /** ONVIF SetSynchronizationPoint: queue the current value of every property again. */
    CompletableFuture<Void> synchronize(String id) {
        return onLoop(() -> {
            PullPoint p = find(id);
            events.initialStates().forEach(p::offer);
            return null;
        });
    }

    CompletableFuture<Integer> count() {
        return onLoop(pullPoints::size);
    }

    private void onEvent(CameraEvent event) {
        try {
            loop.execute(() -> pullPoints.values().forEach(p -> p.offer(event)));
        } catch (RejectedExecutionException loopDown) {
            // the server is stopping: nobody is subscribed any more
        }
    }

    private PullPoint find(String id) throws SoapFault {
        PullPoint p = pullPoints.get(id);
        if (p != null && p.expired()) { // its timer has not run yet, but it is over
            p.end();
            pullPoints.remove(id);
            p = null;
        }
        if (p == null) {
            throw resourceUnknown(id);
        }
        return p;
    }

    SoapFault resourceUnknown(String id) {
        return new SoapFault(SoapFault.Code.SENDER, List.of(Ns.TER.q("InvalidArgVal"), Ns.TER.q("ResourceUnknown")),
                "No subscription '" + id + "': it expired, was unsubscribed, or never existed",
                "<wsrf-r:ResourceUnknownFault><wsrf-bf:Timestamp>" + Xsd.dateTime(clock.instant())
                        + "</wsrf-bf:Timestamp></wsrf-r:ResourceUnknownFault>");
    }

    private byte[] nextId() {
        byte[] id = new byte[8];
        random.nextBytes(id);
        return id;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private interface LoopWork<T> {
        T run() throws SoapFault;
    }

    private <T> CompletableFuture<T> onLoop(LoopWork<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                try {
                    result.complete(work.run());
                } catch (SoapFault f) {
                    result.completeExceptionally(f);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new SoapFault(SoapFault.Code.RECEIVER, List.of(), "The device is shutting down", null));
        }
        return result;
    }

    /** One subscription; touched only on the loop. */
    private final class PullPoint {
        private final String id;
        private final ArrayDeque<CameraEvent> queue = new ArrayDeque<>();
        private Instant termination;
        private ScheduledFuture<?> expiry;
        private CompletableFuture<Pulled> waiting;
        private int waitingLimit;
        private ScheduledFuture<?> waitingTimer;

        PullPoint(String id) {
            this.id = id;
        }

        void extend(Duration requested) {
            Duration d = requested.isZero() ? DEFAULT_TERMINATION : min(requested, MAX_TERMINATION);
            termination = clock.instant().plus(d);
            if (expiry != null) {
                expiry.cancel(false);
            }
            expiry = loop.schedule(this::expire, d.toMillis(), TimeUnit.MILLISECONDS);
        }

        void offer(CameraEvent event) {
            if (queue.size() >= MAX_QUEUED_MESSAGES) {
                queue.removeFirst();
            }
            queue.addLast(event);
            if (waiting != null) {
                answer();
            }
        }

        CompletableFuture<Pulled> pull(Duration timeout, int limit, Future<?> connectionClosed) {
            if (waiting != null) {
                answer(); // superseded by the new poll
            }
            CompletableFuture<Pulled> promise = new CompletableFuture<>();
            waiting = promise;
            waitingLimit = limit;
            if (!queue.isEmpty() || timeout.isZero()) {
                answer();
                return promise;
            }
            waitingTimer = loop.schedule(() -> {
                if (waiting == promise) {
                    answer();
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            // A client that hangs up stops waiting; its messages stay queued for the next poll.
            connectionClosed.addListener(f -> loop.execute(() -> {
                if (waiting == promise) {
                    waiting = null;
                    waitingTimer.cancel(false);
                }
            }));
            return promise;
        }

        private void answer() {
            List<CameraEvent> batch = new ArrayList<>();
            while (!queue.isEmpty() && batch.size() < waitingLimit) {
                batch.add(queue.removeFirst());
            }
            CompletableFuture<Pulled> promise = waiting;
            waiting = null;
            if (waitingTimer != null) {
                waitingTimer.cancel(false);
                waitingTimer = null;
            }
            promise.complete(new Pulled(batch, clock.instant(), termination));
        }

        boolean expired() {
            return !clock.instant().isBefore(termination);
        }

        private void expire() {
            if (pullPoints.get(id) != this) {
                return;
            }
            if (expired()) {
                end();
                pullPoints.remove(id);
            } else { // the timer ran a little ahead of the device clock
                long left = Duration.between(clock.instant(), termination).toMillis() + 1;
                expiry = loop.schedule(this::expire, left, TimeUnit.MILLISECONDS);
            }
        }

        void end() {
            if (expiry != null) {
                expiry.cancel(false);
            }
            if (waiting != null) {
                answer();
            }
            queue.clear();
        }
    }
}
