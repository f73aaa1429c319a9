package io.canhgac.gateway.onvif.media;

import io.canhgac.gateway.onvif.xml.Elements;
import io.canhgac.gateway.onvif.xml.XmlContentException;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Optional;

/**
 * Reads a Media2 (ver20) GetProfilesResponse: the configurations sit under Configurations, the
 * encoder's H.264 profile and GOP length are attributes, and H.265 is a first-class encoding.
 */
final class Media2ProfilesParser {

    private Media2ProfilesParser() {
    }

    static List<MediaProfile> parse(Element response) throws XmlContentException {
        return ProfilesParser.each(response, Media2ProfilesParser::profile);
    }

    private static MediaProfile profile(Element profile, String token) throws XmlContentException {
        boolean fixed = Elements.attribute(profile, "fixed").map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
        String name = Elements.optionalText(profile, "Name").orElse("");
        Optional<Element> configurations = Elements.optionalChild(profile, "Configurations");
        if (configurations.isEmpty()) {
            return new MediaProfile(token, name, fixed, null, null, false);
        }
        Element c = configurations.get();
        String sourceToken = Elements.optionalText(c, "VideoSource", "SourceToken").orElse(null);
        Optional<Element> encoder = Elements.optionalChild(c, "VideoEncoder");
        VideoEncoderSettings video = encoder.isPresent() ? encoder(encoder.get()) : null;
        return new MediaProfile(token, name, fixed, sourceToken, video, Elements.optionalChild(c, "PTZ").isPresent());
    }

    private static VideoEncoderSettings encoder(Element encoder) throws XmlContentException {
        H264Profile profile = Elements.attribute(encoder, "Profile").flatMap(H264Profile::fromOnvif).orElse(null);
        Optional<String> gov = Elements.attribute(encoder, "GovLength");
        int govLength = gov.isPresent() ? Elements.parseInt(gov.get(), "VideoEncoder/@GovLength") : 0;
        return ProfilesParser.encoder(encoder, profile, govLength);
    }
}
