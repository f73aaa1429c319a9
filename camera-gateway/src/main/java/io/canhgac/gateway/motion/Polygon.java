package io.canhgac.gateway.motion;

import java.util.List;

/**
 * A zone or mask drawn over a camera's picture, in normalised coordinates (0..1 of width and
 * height, origin top left) so that one drawing serves the substream and the main stream.
 *
 * @param points 3 to {@value #MAX_POINTS} corners, in drawing order
 */
public record Polygon(List<Point> points) {

    public static final int MAX_POINTS = 64;

    public record Point(double x, double y) {
        public Point {
            if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
                throw new IllegalArgumentException("polygon corner must be within 0..1, was " + x + "," + y);
            }
        }
    }

    public Polygon {
        points = List.copyOf(points);
        if (points.size() < 3 || points.size() > MAX_POINTS) {
            throw new IllegalArgumentException("a polygon needs 3.." + MAX_POINTS + " corners, had " + points.size());
        }
    }

    /** A rectangle from its top-left corner and size, normalised. */
    public static Polygon rectangle(double left, double top, double width, double height) {
        return new Polygon(List.of(new Point(left, top), new Point(left + width, top),
                new Point(left + width, top + height), new Point(left, top + height)));
    }

    /** Even-odd rule: whether the normalised point lies inside. */
    public boolean contains(double x, double y) {
        boolean inside = false;
        for (int i = 0, j = points.size() - 1; i < points.size(); j = i++) {
            Point a = points.get(i);
            Point b = points.get(j);
            if ((a.y() > y) != (b.y() > y) && x < (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }
}
