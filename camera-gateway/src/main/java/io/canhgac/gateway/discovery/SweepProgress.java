package io.canhgac.gateway.discovery;

/**
 * How far a unicast sweep has got.
 *
 * @param done  addresses probed whose answer window has passed
 * @param total addresses in the range
 * @param found distinct cameras so far
 */
public record SweepProgress(int done, int total, int found) {

    public boolean finished() {
        return done == total;
    }
}
