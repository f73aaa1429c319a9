package io.canhgac.contract;

/**
 * Where in the picture something moved: an axis-aligned box in normalised coordinates (0..1 of the
 * picture's width and height, origin top left), so it holds for the substream and the main stream alike.
 */
public record MotionBox(double x, double y, double width, double height) {

    public MotionBox {
        if (!(x >= 0 && y >= 0 && width >= 0 && height >= 0 && x + width <= 1.000001 && y + height <= 1.000001)) {
            throw new IllegalArgumentException("motion box must lie within the picture (0..1): " + x + "," + y + " " + width + "x" + height);
        }
    }

    public double area() {
        return width * height;
    }
}
