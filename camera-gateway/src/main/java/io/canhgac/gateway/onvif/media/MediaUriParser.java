package io.canhgac.gateway.onvif.media;

import io.canhgac.gateway.onvif.xml.Elements;
import io.canhgac.gateway.onvif.xml.XmlContentException;
import org.w3c.dom.Element;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Reads the tt:MediaUri inside a GetStreamUriResponse or GetSnapshotUriResponse. */
final class MediaUriParser {

    private MediaUriParser() {
    }

    static StreamUri streamUri(Element response) throws XmlContentException {
        return checkedStream(mediaUri(response));
    }

    /** Media2 answers with the bare Uri: no validity flags, valid until the camera reboots at best. */
    static StreamUri media2StreamUri(Element response) throws XmlContentException {
        return checkedStream(media2Uri(response));
    }

    static SnapshotUri media2SnapshotUri(Element response) throws XmlContentException {
        return checkedSnapshot(media2Uri(response));
    }

    private static MediaUri media2Uri(Element response) throws XmlContentException {
        return new MediaUri(Elements.absoluteUri(Elements.requiredText(response, "Uri"), "Uri"), false, true, Duration.ZERO);
    }

    private static StreamUri checkedStream(MediaUri media) throws XmlContentException {
        String scheme = media.uri().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("rtsp") && !scheme.equals("rtsps") && !scheme.startsWith("http")) {
            throw new XmlContentException("stream URI has an unusable scheme: " + media.uri());
        }
        return new StreamUri(media);
    }

    static SnapshotUri snapshotUri(Element response) throws XmlContentException {
        return checkedSnapshot(mediaUri(response));
    }

    private static SnapshotUri checkedSnapshot(MediaUri media) throws XmlContentException {
        if (!media.uri().getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
            throw new XmlContentException("snapshot URI is not HTTP: " + media.uri());
        }
        return new SnapshotUri(media);
    }

    private static MediaUri mediaUri(Element response) throws XmlContentException {
        Element media = Elements.child(response, "MediaUri");
        Optional<String> timeout = Elements.optionalText(media, "Timeout");
        return new MediaUri(
                Elements.absoluteUri(Elements.requiredText(media, "Uri"), "MediaUri/Uri"),
                Elements.optionalText(media, "InvalidAfterConnect").map(v -> v.equalsIgnoreCase("true")).orElse(false),
                Elements.optionalText(media, "InvalidAfterReboot").map(v -> v.equalsIgnoreCase("true")).orElse(false),
                timeout.isPresent() ? Elements.parseDuration(timeout.get(), "MediaUri/Timeout") : Duration.ZERO);
    }
}
