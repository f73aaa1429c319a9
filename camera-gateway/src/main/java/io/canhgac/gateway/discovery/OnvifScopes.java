package io.canhgac.gateway.discovery;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The ONVIF scopes a device advertises (onvif://www.onvif.org/name/…, /hardware/…, /location/…),
 * decoded. Cameras percent-encode names with spaces or Vietnamese letters; the decoded text is kept.
 *
 * @param name         the camera's name, or null
 * @param hardware     its model (the hardware scope), or null
 * @param manufacturer from a non-standard manufacturer scope some vendors add, or null
 * @param location     where it is, e.g. "vn/quang-nam/nong-son/que-loc", or null
 * @param all          every scope as advertised
 */
public record OnvifScopes(String name, String hardware, String manufacturer, String location, List<String> all) {

    private static final String ONVIF = "onvif://www.onvif.org/";

    public OnvifScopes {
        all = List.copyOf(all);
    }

    public static OnvifScopes parse(List<String> scopes) {
        return new OnvifScopes(value(scopes, "name").orElse(null), value(scopes, "hardware").orElse(null),
                value(scopes, "manufacturer").or(() -> value(scopes, "mfr")).orElse(null),
                value(scopes, "location").orElse(null), scopes);
    }

    /** Whether the device says it can pan, tilt and zoom. */
    public boolean advertisesPtz() {
        return all.stream().anyMatch(s -> s.equalsIgnoreCase(ONVIF + "type/ptz"));
    }

    private static Optional<String> value(List<String> scopes, String kind) {
        String prefix = ONVIF + kind + "/";
        for (String scope : scopes) {
            if (scope.regionMatches(true, 0, prefix, 0, prefix.length()) && scope.length() > prefix.length()) {
                return Optional.of(decode(scope.substring(prefix.length())));
            }
        }
        return Optional.empty();
    }

    private static String decode(String encodedPath) {
        try {
            // URI decodes %XX as UTF-8 and leaves '+' alone, as a path should
            return URI.create("scope:/" + encodedPath).getPath().substring(1);
        } catch (IllegalArgumentException e) {
            return encodedPath; // badly encoded: show it as sent rather than lose it
        }
    }
}
