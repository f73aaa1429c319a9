package io.canhgac.gateway.onvif.ptz;

import io.canhgac.gateway.onvif.xml.Elements;
import io.canhgac.gateway.onvif.xml.XmlContentException;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads a GetPresetsResponse. */
final class PresetsParser {

    private PresetsParser() {
    }

    static List<PtzPreset> parse(Element response) throws XmlContentException {
        List<PtzPreset> presets = new ArrayList<>();
        for (Element preset : Elements.children(response, "Preset")) {
            String token = Elements.requiredAttribute(preset, "token");
            String name = Elements.optionalText(preset, "Name").orElse("");
            Optional<Element> position = Elements.optionalChild(preset, "PTZPosition");
            presets.add(new PtzPreset(token, name, position.isPresent() ? position(position.get()) : PtzPosition.UNKNOWN));
        }
        return List.copyOf(presets);
    }

    private static PtzPosition position(Element position) throws XmlContentException {
        Optional<Element> panTilt = Elements.optionalChild(position, "PanTilt");
        Optional<Element> zoom = Elements.optionalChild(position, "Zoom");
        return new PtzPosition(
                panTilt.isPresent() ? coordinate(panTilt.get(), "x") : OptionalDouble.empty(),
                panTilt.isPresent() ? coordinate(panTilt.get(), "y") : OptionalDouble.empty(),
                zoom.isPresent() ? coordinate(zoom.get(), "x") : OptionalDouble.empty());
    }

    private static OptionalDouble coordinate(Element vector, String axis) throws XmlContentException {
        Optional<String> value = Elements.attribute(vector, axis);
        if (value.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Elements.parseDouble(value.get(), vector.getLocalName() + "/@" + axis));
    }
}
