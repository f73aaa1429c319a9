package io.canhgac.gateway.live;

import io.canhgac.gateway.testing.SimulatedDistrict;
import io.canhgac.simulator.scene.AccessUnit;
import io.canhgac.simulator.scene.EncodedScene;
import io.canhgac.simulator.scene.SceneEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The muxer's boxes on the parameter sets and pictures of a real encoded scene (the simulator's H.264). */
class Fmp4MuxerTest {

    static EncodedScene scene;
    static AvcFormat format;

    @BeforeAll
    static void encodeScene() throws Exception {
        scene = new SceneEncoder(Path.of("target/scene-cache")).load(SimulatedDistrict.SCENE);
        format = new AvcFormat(640, 360, scene.sps(), scene.pps());
    }

    @Test
    void theInitSegmentIsFtypThenMoovWithAnEmptySampleTableAndMvex() {
        byte[] init = Fmp4Muxer.initSegment(format);
        List<Mp4Box> top = Mp4Box.parse(init);
        assertThat(top).extracting(Mp4Box::type).containsExactly("ftyp", "moov");
        assertThat(top.get(0).size() + top.get(1).size()).isEqualTo(init.length);

        Mp4Box root = Mp4Box.root(top);
        assertThat(root.find("moov").childTypes()).containsExactly("mvhd", "trak", "mvex");
        assertThat(root.find("moov/trak").childTypes()).containsExactly("tkhd", "mdia");
        assertThat(root.find("moov/trak/mdia").childTypes()).containsExactly("mdhd", "hdlr", "minf");
        assertThat(root.find("moov/trak/mdia/minf/stbl").childTypes()).containsExactly("stsd", "stts", "stsc", "stco", "stsz");

        ByteBuffer tkhd = root.find("moov/trak/tkhd").body();
        assertThat(tkhd.getInt(4 + 8)).as("track id").isEqualTo(1);
        assertThat(tkhd.getInt(tkhd.limit() - 8) >>> 16).isEqualTo(640);
        assertThat(tkhd.getInt(tkhd.limit() - 4) >>> 16).isEqualTo(360);
        assertThat(root.find("moov/trak/mdia/mdhd").body().getInt(4 + 8)).as("timescale").isEqualTo(90_000);
        assertThat(new String(root.find("moov/trak/mdia/hdlr").bodyBytes(), 8, 4)).isEqualTo("vide");

        Mp4Box avc1 = root.find("moov/trak/mdia/minf/stbl/stsd/avc1");
        assertThat(avc1.body().getShort(24) & 0xFFFF).isEqualTo(640);
        assertThat(avc1.body().getShort(26) & 0xFFFF).isEqualTo(360);
        assertThat(root.find("moov/mvex").childTypes()).containsExactly("trex");
    }

    @Test
    void avcCCarriesTheRealParameterSetsAndNamesTheCodec() {
        Mp4Box root = Mp4Box.root(Mp4Box.parse(Fmp4Muxer.initSegment(format)));
        byte[] avcC = root.find("moov/trak/mdia/minf/stbl/stsd/avc1/avcC").bodyBytes();
        byte[] sps = scene.sps();
        byte[] pps = scene.pps();
        assertThat(avcC[0]).isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(avcC, 1, 4)).isEqualTo(Arrays.copyOfRange(sps, 1, 4));
        assertThat(avcC[4] & 3).as("4-byte NAL lengths").isEqualTo(3);
        assertThat(avcC[5] & 0x1F).as("one SPS").isEqualTo(1);
        int spsLen = ((avcC[6] & 0xFF) << 8) | (avcC[7] & 0xFF);
        assertThat(Arrays.copyOfRange(avcC, 8, 8 + spsLen)).isEqualTo(sps);
        assertThat(avcC[8 + spsLen]).as("one PPS").isEqualTo((byte) 1);
        int ppsLen = ((avcC[9 + spsLen] & 0xFF) << 8) | (avcC[10 + spsLen] & 0xFF);
        assertThat(Arrays.copyOfRange(avcC, 11 + spsLen, 11 + spsLen + ppsLen)).isEqualTo(pps);
        assertThat(avcC).hasSize(11 + spsLen + ppsLen);
        assertThat(format.codec()).isEqualTo("avc1." + scene.profileLevelId());
        assertThat(format.mimeType()).isEqualTo("video/mp4; codecs=\"avc1." + scene.profileLevelId() + "\"");
    }

    @Test
    void fragmentsPointAtTheirPictureAndTimeRises() {
        List<byte[]> fragments = new ArrayList<>();
        List<AccessUnit> units = scene.units().subList(0, 25);
        for (int i = 0; i < units.size(); i++) {
            AccessUnit unit = units.get(i);
            fragments.add(Fmp4Muxer.fragment(i + 1, 9000L * i, 9000, 0, unit.keyframe(), H264Nals.toMp4Sample(unit.nals())));
        }
        long lastTime = -1;
        for (int i = 0; i < fragments.size(); i++) {
            byte[] f = fragments.get(i);
            List<Mp4Box> top = Mp4Box.parse(f);
            assertThat(top).extracting(Mp4Box::type).containsExactly("moof", "mdat");
            Mp4Box root = Mp4Box.root(top);
            assertThat(root.find("moof").childTypes()).containsExactly("mfhd", "traf");
            assertThat(root.find("moof/traf").childTypes()).containsExactly("tfhd", "tfdt", "trun");
            assertThat(root.find("moof/mfhd").body().getInt(4)).isEqualTo(i + 1);
            assertThat(Fmp4Muxer.sequenceOf(f)).isEqualTo(i + 1);

            long time = root.find("moof/traf/tfdt").body().getLong(4);
            assertThat(time).isGreaterThan(lastTime);
            lastTime = time;

            ByteBuffer trun = root.find("moof/traf/trun").body();
            assertThat(trun.getInt(4)).as("sample count").isEqualTo(1);
            int dataOffset = trun.getInt(8);
            int sampleSize = trun.getInt(16);
            int sampleFlags = trun.getInt(20);
            Mp4Box mdat = top.get(1);
            assertThat(dataOffset).as("offset from moof start to the picture").isEqualTo(mdat.offset() + 8);
            assertThat(sampleSize).isEqualTo(mdat.size() - 8);
            boolean key = units.get(i).keyframe();
            assertThat((sampleFlags >>> 16) & 1).as("non-sync flag").isEqualTo(key ? 0 : 1);

            // the picture is the access unit's NAL units, each after its 4-byte length, no parameter sets
            ByteBuffer sample = mdat.body();
            List<byte[]> expected = units.get(i).nals().stream()
                    .filter(n -> (n[0] & 0x1F) != H264Nals.SPS && (n[0] & 0x1F) != H264Nals.PPS && (n[0] & 0x1F) != H264Nals.AUD)
                    .toList();
            int at = 0;
            for (byte[] nal : expected) {
                assertThat(sample.getInt(at)).isEqualTo(nal.length);
                byte[] got = new byte[nal.length];
                sample.get(at + 4, got);
                assertThat(got).isEqualTo(nal);
                at += 4 + nal.length;
            }
            assertThat(at).isEqualTo(sampleSize);
        }
        assertThat(units.get(0).keyframe()).isTrue();
    }
}
