package io.canhgac.gateway.media;

/**
 * The media queue as the gateway's status report gives it to the centre.
 *
 * @param pending snapshots and clips waiting in the spool (those whose event is not acknowledged yet included)
 * @param bytes   their size
 * @param dropped media deleted unsent since the gateway started because the spool hit its bound
 * @param setAside media the centre refused for good (e.g. its event unknown), kept in {@code rejected/}, since start
 */
public record MediaFigures(int pending, long bytes, long dropped, long setAside) {

    public static final MediaFigures NONE = new MediaFigures(0, 0, 0, 0);
}
