package io.canhgac.simulator.scene;

/**
 * A solid object crossing the picture left to right, fully visible from {@code startSeconds} to
 * {@code endSeconds} (scene time), so the scripted onset is exact.
 */
public record MovingObject(String kind, double startSeconds, double endSeconds, int width, int height, int top, int luma) {

    public MovingObject {
        if (endSeconds <= startSeconds) {
            throw new IllegalArgumentException("object must end after it starts: " + startSeconds + ".." + endSeconds);
        }
        if (width <= 0 || height <= 0 || luma < 0 || luma > 255) {
            throw new IllegalArgumentException("bad object size or luma: " + width + "x" + height + " luma " + luma);
        }
    }

    public static MovingObject car(double start, double end, int top) {
        return new MovingObject("car", start, end, 80, 40, top, 40);
    }

    public static MovingObject person(double start, double end, int top) {
        return new MovingObject("person", start, end, 20, 48, top, 220);
    }

    boolean visibleAt(double t) {
        return t >= startSeconds && t < endSeconds;
    }

    /** Left edge at scene time t, for a picture {@code frameWidth} wide. */
    int leftAt(double t, int frameWidth) {
        double progress = (t - startSeconds) / (endSeconds - startSeconds);
        return (int) Math.round(progress * (frameWidth - width));
    }
}
