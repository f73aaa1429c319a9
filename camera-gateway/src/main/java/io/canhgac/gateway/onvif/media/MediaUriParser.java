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
        MediaUri media = mediaUri(response);
        String scheme = media.uri().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("rtsp") && !scheme.equals("rtsps") && !scheme.startsWith("http")) {
            throw new XmlContentException("stream URI has an unusable scheme: " + media.uri());
        }
        return new StreamUri(media);
    }

    static SnapshotUri snapshotUri(Element response) throws XmlContentException {
        MediaUri media = mediaUri(response);
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
