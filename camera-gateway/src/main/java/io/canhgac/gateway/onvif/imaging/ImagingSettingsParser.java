package io.canhgac.gateway.onvif.imaging;

import io.canhgac.gateway.onvif.xml.Elements;
import io.canhgac.gateway.onvif.xml.XmlContentException;
import org.w3c.dom.Element;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads a GetImagingSettingsResponse (imaging ver20, tt:ImagingSettings20). */
final class ImagingSettingsParser {

    private ImagingSettingsParser() {
    }

    static ImagingSettings parse(Element response) throws XmlContentException {
        Element s = Elements.child(response, "ImagingSettings");
        return new ImagingSettings(number(s, "Brightness"), number(s, "ColorSaturation"), number(s, "Contrast"),
                number(s, "Sharpness"), mode(s, "IrCutFilter"), mode(s, "BacklightCompensation", "Mode"),
                mode(s, "WideDynamicRange", "Mode"), mode(s, "Exposure", "Mode"),
                mode(s, "WhiteBalance", "Mode"));
    }

    private static OptionalDouble number(Element settings, String name) throws XmlContentException {
        Optional<String> value = Elements.optionalText(settings, name).filter(v -> !v.isEmpty());
        return value.isPresent() ? OptionalDouble.of(Elements.parseDouble(value.get(), name)) : OptionalDouble.empty();
    }

    /** Enumerations upper-cased: firmwares write "On", "ON" and "on" alike. */
    private static Optional<String> mode(Element settings, String... path) {
        return Elements.optionalText(settings, path).filter(v -> !v.isEmpty()).map(v -> v.toUpperCase(Locale.ROOT));
    }
}
