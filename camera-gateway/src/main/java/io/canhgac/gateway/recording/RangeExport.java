package io.canhgac.gateway.recording;

import io.canhgac.gateway.live.AvcFormat;
import io.canhgac.gateway.media.ClipRemuxer;
import io.canhgac.gateway.video.StreamParameters;
import io.canhgac.gateway.video.VideoPacket;
import org.bytedeco.ffmpeg.global.avcodec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A range of a camera's recording as one ordinary MP4, remuxed picture by picture from the segments
 * (from the keyframe at or before the range's start to its end): nothing decoded, nothing held in
 * memory but the picture being copied. A change of parameter sets inside the range is not followed
 * (one MP4 track has one set): such a camera's export plays up to the change.
 */
final class RangeExport {

    /** What was written. */
    record Written(int pictures, Instant first, Instant last) {
    }

    private RangeExport() {
    }

    /** Empty when nothing of the range is recorded. */
    static Optional<Written> write(CameraArchive archive, Instant from, Instant to, Path file) throws IOException, InterruptedException {
        Optional<RecordedPictures> found = RecordedPictures.from(archive, from);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try (RecordedPictures pictures = found.get()) {
            AvcFormat f = pictures.format();
            StreamParameters stream = new StreamParameters(avcodec.AV_CODEC_ID_H264, "h264", f.width(), f.height(),
                    RecordedPictures.extradata(f), 1, (int) Ticks.PER_SECOND);
            Instant first = null;
            Instant last = null;
            try (ClipRemuxer mp4 = ClipRemuxer.open(stream, file)) {
                for (Optional<RecordedPictures.Picture> p = pictures.next(); p.isPresent() && p.get().at().isBefore(to); p = pictures.next()) {
                    RecordedPictures.Picture picture = p.get();
                    long dts = Ticks.ofInstant(picture.at());
                    mp4.add(new VideoPacket(picture.data(), dts + picture.compositionOffset(), dts, picture.keyframe(), picture.at()));
                    first = first == null ? picture.at() : first;
                    last = picture.at();
                }
                if (first == null) {
                    return Optional.empty();
                }
                mp4.finish();
                return Optional.of(new Written(mp4.packets(), first, last));
            }
        }
    }
}
