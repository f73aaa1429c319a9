package io.canhgac.event.media;

/** What a media file is, with the one content type and file extension each kind is stored as. */
public enum MediaKind {
    SNAPSHOT("image/jpeg", "jpg"),
    CLIP("video/mp4", "mp4"),
    /** A range of a camera's continuous recording, remuxed at its gateway for an incident's evidence. */
    RECORDING("video/mp4", "mp4");

    private final String contentType;
    private final String extension;

    MediaKind(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }
}
