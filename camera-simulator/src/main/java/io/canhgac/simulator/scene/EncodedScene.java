package io.canhgac.simulator.scene;

import java.util.List;

/** A scene encoded once as H.264, ready to be served without further encoding. */
public record EncodedScene(SceneScript script, List<AccessUnit> units, byte[] sps, byte[] pps) {

    public EncodedScene {
        units = List.copyOf(units);
        if (units.isEmpty() || !units.get(0).keyframe()) {
            throw new IllegalArgumentException("an encoded scene must start with a keyframe");
        }
    }

    /** Builds the scene from an Annex B stream, taking the parameter sets from the first keyframe. */
    public static EncodedScene fromAnnexB(SceneScript script, byte[] stream) {
        List<byte[]> nals = H264AnnexB.splitNals(stream);
        byte[] sps = nals.stream().filter(n -> H264AnnexB.type(n) == H264AnnexB.NAL_SPS).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SPS in encoded scene " + script.name()));
        byte[] pps = nals.stream().filter(n -> H264AnnexB.type(n) == H264AnnexB.NAL_PPS).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no PPS in encoded scene " + script.name()));
        return new EncodedScene(script, H264AnnexB.accessUnits(nals), sps, pps);
    }

    /** profile_idc, constraint flags and level_idc as the six hex digits SDP wants. */
    public String profileLevelId() {
        return String.format("%02X%02X%02X", sps[1] & 0xFF, sps[2] & 0xFF, sps[3] & 0xFF);
    }
}
