package io.canhgac.event.media;

import org.springframework.stereotype.Component;

import java.util.UUID;

/** How far a gateway's resumable upload of a media id has come, for pages that show progress. */
@Component
public class UploadProgress {

    private final MediaChunks chunks;

    UploadProgress(MediaChunks chunks) {
        this.chunks = chunks;
    }

    /** Bytes held so far for the id, all of them once it is stored; 0 before the first chunk. */
    public long received(UUID mediaId) {
        return chunks.received(mediaId).received();
    }
}
