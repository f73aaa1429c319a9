package io.canhgac.simulator.onvif;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Where a PTZ camera points. ContinuousMove sets a velocity that moves the position over time
 * until Stop (or the move's timeout); GotoPreset jumps to a stored position. The position is
 * computed when read rather than ticked by a timer, so the video side can read it every frame at
 * no cost and nothing runs while the camera is still.
 *
 * <p>Speed: a velocity of 1 moves an axis {@link #FULL_SPEED_PER_SECOND} generic units per second,
 * so a full pan from -1 to 1 takes two seconds.
 */
public final class PtzState {

    public static final double FULL_SPEED_PER_SECOND = 1.0;

    private final LongSupplier nanoTime;
    private final Map<String, PtzPreset> presets = new LinkedHashMap<>();
    private PtzVector anchor = PtzVector.ZERO;
    private long anchorNanos;
    private PtzVector velocity = PtzVector.ZERO;
    private long stopAtNanos = Long.MAX_VALUE;

    public PtzState(List<PtzPreset> presets) {
        this(System::nanoTime, presets);
    }

    /** With the clock given, so tests can move time by hand. */
    public PtzState(LongSupplier nanoTime, List<PtzPreset> presets) {
        this.nanoTime = nanoTime;
        this.anchorNanos = nanoTime.getAsLong();
        presets.forEach(p -> this.presets.put(p.token(), p));
    }

    /** A camera with three presets: home, the commune gate and the road. */
    public static PtzState withDefaultPresets() {
        return new PtzState(List.of(
                new PtzPreset("1", "Home", PtzVector.ZERO),
                new PtzPreset("2", "Gate", new PtzVector(-0.5, 0.1, 0.3)),
                new PtzPreset("3", "Road", new PtzVector(0.6, -0.2, 0.5))));
    }

    public synchronized PtzVector position() {
        return positionAt(nanoTime.getAsLong());
    }

    public synchronized boolean isMoving() {
        long now = nanoTime.getAsLong();
        return !velocity.isZero() && now < stopAtNanos;
    }

    public synchronized PtzVector velocity() {
        return isMoving() ? velocity : PtzVector.ZERO;
    }

    /** Starts moving at {@code velocity} until {@link #stop}, or for {@code timeout} if given. */
    public synchronized void continuousMove(PtzVector velocity, Optional<Duration> timeout) {
        long now = reanchor();
        this.velocity = velocity.clampedVelocity();
        this.stopAtNanos = timeout.map(t -> saturatedAdd(now, t.toNanos())).orElse(Long.MAX_VALUE);
    }

    /** Stops pan/tilt, zoom, or both, keeping the position reached. */
    public synchronized void stop(boolean panTilt, boolean zoom) {
        reanchor();
        velocity = new PtzVector(panTilt ? 0 : velocity.pan(), panTilt ? 0 : velocity.tilt(), zoom ? 0 : velocity.zoom());
    }

    /** Jumps to a preset; false if there is none with that token. */
    public synchronized boolean gotoPreset(String token) {
        PtzPreset preset = presets.get(token);
        if (preset == null) {
            return false;
        }
        anchor = preset.position();
        anchorNanos = nanoTime.getAsLong();
        velocity = PtzVector.ZERO;
        return true;
    }

    /** Goes to a position at once (the simulator's motors are instant), stopping any move. */
    public synchronized void absoluteMove(PtzVector position) {
        anchor = position.clampedPosition();
        anchorNanos = nanoTime.getAsLong();
        velocity = PtzVector.ZERO;
        stopAtNanos = Long.MAX_VALUE;
    }

    /** Moves by a translation from where the camera is now, clamped to the position range. */
    public synchronized void relativeMove(PtzVector translation) {
        PtzVector now = positionAt(nanoTime.getAsLong());
        absoluteMove(new PtzVector(now.pan() + translation.pan(), now.tilt() + translation.tilt(),
                now.zoom() + translation.zoom()));
    }

    /**
     * Stores the current position as a preset and returns its token: the given one (overwritten),
     * or the lowest free number, as cameras number their presets.
     */
    public synchronized String setPreset(String name, Optional<String> token) {
        String t = token.orElseGet(() -> {
            int n = 1;
            while (presets.containsKey(String.valueOf(n))) {
                n++;
            }
            return String.valueOf(n);
        });
        presets.put(t, new PtzPreset(t, name, positionAt(nanoTime.getAsLong())));
        return t;
    }

    /** Removes a preset; false if there is none with that token. */
    public synchronized boolean removePreset(String token) {
        return presets.remove(token) != null;
    }

    public synchronized List<PtzPreset> presets() {
        return new ArrayList<>(presets.values());
    }

    private long reanchor() {
        long now = nanoTime.getAsLong();
        anchor = positionAt(now);
        anchorNanos = now;
        if (now >= stopAtNanos) {
            velocity = PtzVector.ZERO;
            stopAtNanos = Long.MAX_VALUE;
        }
        return now;
    }

    private PtzVector positionAt(long now) {
        double seconds = Math.max(0, Math.min(now, stopAtNanos) - anchorNanos) / 1e9;
        double step = seconds * FULL_SPEED_PER_SECOND;
        return new PtzVector(anchor.pan() + velocity.pan() * step, anchor.tilt() + velocity.tilt() * step,
                anchor.zoom() + velocity.zoom() * step).clampedPosition();
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
