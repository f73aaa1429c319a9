package io.canhgac.gateway.motion;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.MotionBox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Groups changed cells into blobs: despeckle (a changed cell needs three changed neighbours), then
 * connected components after a one-cell dilation (cells up to two apart join, as if each were grown
 * by one cell), keeping blobs of at least a minimum area. Areas and boxes count only the despeckled
 * cells, so dilation joins a broken-up person without inflating its size. A blob with (almost) no
 * cell that changed lately is a ghost, not motion: its cells are listed for the background to take in.
 */
final class BlobFinder {

    record Blobs(int area, List<MotionBox> boxes) {
        static final Blobs NONE = new Blobs(0, List.of());
    }

    private final int cols;
    private final int rows;
    private final boolean[] core;
    private final int[] label;
    private final int[] stack;
    /** Cells of the last call's ghost blobs, in {@code [0, ghostCount)}. */
    private final int[] ghostCells;
    private int ghostCount;

    BlobFinder(int cols, int rows) {
        this.cols = cols;
        this.rows = rows;
        this.core = new boolean[cols * rows];
        this.label = new int[cols * rows];
        this.stack = new int[cols * rows];
        this.ghostCells = new int[cols * rows];
    }

    /**
     * @param changed       the thresholded difference, one flag per cell
     * @param minArea       despeckled cells a blob needs to count
     * @param cellWidth     a cell's width as a fraction of the picture's width (for boxes)
     * @param cellHeight    a cell's height as a fraction of the picture's height
     * @param stirredAt     per cell, the last frame in which it changed by itself (not against the background)
     * @param stillSince    a cell is still if it has not stirred after this frame
     * @param minStirring   stirring cells a blob needs to be motion rather than a ghost, and an eighth of its
     *                      cells at least (noise makes a few cells of a large ghost flicker)
     */
    Blobs find(boolean[] changed, int minArea, double cellWidth, double cellHeight, int[] stirredAt, int stillSince,
               int minStirring) {
        ghostCount = 0;
        int cores = despeckle(changed);
        if (cores < minArea) {
            return Blobs.NONE;
        }
        Arrays.fill(label, 0);
        int next = 0;
        int area = 0;
        List<int[]> kept = new ArrayList<>();
        for (int i = 0; i < core.length; i++) {
            if (!core[i] || label[i] != 0) {
                continue;
            }
            int firstCell = ghostCount;
            int[] blob = flood(i, ++next, stirredAt, stillSince); // {area, c0, r0, c1, r1, stirring}
            if (blob[0] >= minArea && blob[5] < Math.max(minStirring, blob[0] / 8)) {
                continue; // a ghost: its cells stay listed
            }
            ghostCount = firstCell;
            if (blob[0] >= minArea) {
                area += blob[0];
                kept.add(blob);
            }
        }
        if (kept.isEmpty()) {
            return Blobs.NONE;
        }
        kept.sort(Comparator.comparingInt((int[] b) -> b[0]).reversed());
        List<MotionBox> boxes = new ArrayList<>(Math.min(kept.size(), CameraEvent.MAX_BOXES));
        for (int[] b : kept.subList(0, Math.min(kept.size(), CameraEvent.MAX_BOXES))) {
            double x = b[1] * cellWidth;
            double y = b[2] * cellHeight;
            boxes.add(new MotionBox(x, y, Math.min(1 - x, (b[3] - b[1] + 1) * cellWidth),
                    Math.min(1 - y, (b[4] - b[2] + 1) * cellHeight)));
        }
        return new Blobs(area, List.copyOf(boxes));
    }

    int ghostCount() {
        return ghostCount;
    }

    int ghostCell(int k) {
        return ghostCells[k];
    }

    private int despeckle(boolean[] changed) {
        int count = 0;
        Arrays.fill(core, false);
        for (int r = 1; r < rows - 1; r++) {
            for (int c = 1; c < cols - 1; c++) {
                int i = r * cols + c;
                if (!changed[i]) {
                    continue;
                }
                int neighbours = 0;
                for (int dr = -cols; dr <= cols; dr += cols) {
                    for (int dc = -1; dc <= 1; dc++) {
                        if (changed[i + dr + dc]) {
                            neighbours++;
                        }
                    }
                }
                if (neighbours >= 4) { // itself and at least three neighbours
                    core[i] = true;
                    count++;
                }
            }
        }
        return count;
    }

    private int[] flood(int seed, int id, int[] stirredAt, int stillSince) {
        int top = 0;
        stack[top++] = seed;
        label[seed] = id;
        int area = 0;
        int c0 = cols;
        int r0 = rows;
        int c1 = -1;
        int r1 = -1;
        int stirring = 0;
        while (top > 0) {
            int i = stack[--top];
            int r = i / cols;
            int c = i - r * cols;
            area++;
            ghostCells[ghostCount++] = i;
            if (stirredAt[i] > stillSince) {
                stirring++;
            }
            c0 = Math.min(c0, c);
            c1 = Math.max(c1, c);
            r0 = Math.min(r0, r);
            r1 = Math.max(r1, r);
            for (int rr = Math.max(0, r - 2); rr <= Math.min(rows - 1, r + 2); rr++) {
                for (int cc = Math.max(0, c - 2); cc <= Math.min(cols - 1, c + 2); cc++) {
                    int j = rr * cols + cc;
                    if (core[j] && label[j] == 0) {
                        label[j] = id;
                        stack[top++] = j;
                    }
                }
            }
        }
        return new int[] {area, c0, r0, c1, r1, stirring};
    }
}
