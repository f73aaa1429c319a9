package io.canhgac.simulator.scene;

import java.util.List;

/** The NAL units of one encoded picture, without start codes. */
public record AccessUnit(List<byte[]> nals, boolean keyframe) {

    public AccessUnit {
        nals = List.copyOf(nals);
    }

    public int size() {
        return nals.stream().mapToInt(n -> n.length).sum();
    }
}
