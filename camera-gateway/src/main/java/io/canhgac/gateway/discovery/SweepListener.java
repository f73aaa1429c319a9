package io.canhgac.gateway.discovery;

/** Told after each batch of a sweep, on the sweeping thread; a technician's screen shows it as a progress bar. */
@FunctionalInterface
public interface SweepListener {

    SweepListener NONE = progress -> { };

    void progress(SweepProgress progress);
}
