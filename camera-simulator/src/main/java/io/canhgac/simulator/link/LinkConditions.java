package io.canhgac.simulator.link;

/**
 * What a link does to the bytes crossing it, replaced as a whole when an operator changes it.
 *
 * @param cut               a black hole: everything is read and discarded
 * @param upBitsPerSecond   cap from the gateway to the centre; 0 = unlimited
 * @param downBitsPerSecond cap from the centre to the gateway; 0 = unlimited
 * @param delayMillis       how long each chunk is held before it goes on
 * @param jitterMillis      a uniform random extra hold, 0..jitter
 * @param stallEveryMillis  period of recurring stalls; 0 = none
 * @param stallForMillis    how long each recurring stall lasts
 */
public record LinkConditions(boolean cut, long upBitsPerSecond, long downBitsPerSecond, long delayMillis,
                             long jitterMillis, long stallEveryMillis, long stallForMillis) {

    public static final LinkConditions PERFECT = new LinkConditions(false, 0, 0, 0, 0, 0, 0);

    public LinkConditions {
        requireNotNegative("upBitsPerSecond", upBitsPerSecond);
        requireNotNegative("downBitsPerSecond", downBitsPerSecond);
        requireNotNegative("delayMillis", delayMillis);
        requireNotNegative("jitterMillis", jitterMillis);
        requireNotNegative("stallEveryMillis", stallEveryMillis);
        requireNotNegative("stallForMillis", stallForMillis);
        if (stallEveryMillis == 0 || stallForMillis == 0) {
            stallEveryMillis = 0;
            stallForMillis = 0;
        } else if (stallForMillis >= stallEveryMillis) {
            // the link would never flow again
            throw new IllegalArgumentException("a recurring stall (" + stallForMillis
                    + " ms) must be shorter than its period (" + stallEveryMillis + " ms)");
        }
    }

    public LinkConditions withCut(boolean cut) {
        return new LinkConditions(cut, upBitsPerSecond, downBitsPerSecond, delayMillis, jitterMillis, stallEveryMillis, stallForMillis);
    }

    public LinkConditions withRate(long upBitsPerSecond, long downBitsPerSecond) {
        return new LinkConditions(cut, upBitsPerSecond, downBitsPerSecond, delayMillis, jitterMillis, stallEveryMillis, stallForMillis);
    }

    public LinkConditions withDelay(long delayMillis, long jitterMillis) {
        return new LinkConditions(cut, upBitsPerSecond, downBitsPerSecond, delayMillis, jitterMillis, stallEveryMillis, stallForMillis);
    }

    public LinkConditions withStalls(long everyMillis, long forMillis) {
        return new LinkConditions(cut, upBitsPerSecond, downBitsPerSecond, delayMillis, jitterMillis, everyMillis, forMillis);
    }

    private static void requireNotNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
