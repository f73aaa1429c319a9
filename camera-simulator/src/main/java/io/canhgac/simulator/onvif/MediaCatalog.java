package io.canhgac.simulator.onvif;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a camera can stream: its profiles, where each is served over RTSP, and a still picture.
 * Asked on every request, so an implementation may answer from live state (the RTSP port once
 * bound, the current frame for the snapshot).
 */
public interface MediaCatalog {

    List<MediaProfile> profiles();

    /** The RTSP URI serving {@code profile}. */
    URI streamUri(MediaProfile profile);

    /** A JPEG of what the camera sees now. */
    byte[] snapshotJpeg();

    default Optional<MediaProfile> profile(String token) {
        return profiles().stream().filter(p -> p.token().equals(token)).findFirst();
    }

    /** A fixed list of profiles whose URIs and snapshot come from the given functions. */
    static MediaCatalog of(List<MediaProfile> profiles, Function<MediaProfile, URI> streamUris, Supplier<byte[]> snapshot) {
        List<MediaProfile> fixed = List.copyOf(profiles);
        Objects.requireNonNull(streamUris, "streamUris");
        Objects.requireNonNull(snapshot, "snapshot");
        if (fixed.isEmpty()) {
            throw new IllegalArgumentException("a camera has at least one profile");
        }
        return new MediaCatalog() {
            @Override
            public List<MediaProfile> profiles() {
                return fixed;
            }

            @Override
            public URI streamUri(MediaProfile profile) {
                return streamUris.apply(profile);
            }

            @Override
            public byte[] snapshotJpeg() {
                return snapshot.get();
            }
        };
    }

    /**
     * The usual pair — {@link MediaProfile#main()} and {@link MediaProfile#sub()} — served at
     * {@code rtspBase + "/" + token}, e.g. {@code rtsp://127.0.0.11:8554/sub}.
     */
    static MediaCatalog mainAndSub(Supplier<String> rtspBase, Supplier<byte[]> snapshot) {
        return of(List.of(MediaProfile.main(), MediaProfile.sub()),
                p -> URI.create(rtspBase.get() + "/" + p.token()), snapshot);
    }
}
