package io.canhgac.gateway.onvif.media;

import java.net.URI;
import java.time.Duration;

/**
 * A URI the camera hands out for a profile, and how long it stays valid.
 *
 * @param uri                 absolute URI
 * @param invalidAfterConnect the URI works for one connection only
 * @param invalidAfterReboot  the URI changes when the camera reboots
 * @param timeout             how long the URI stays valid; zero means for ever
 */
public record MediaUri(URI uri, boolean invalidAfterConnect, boolean invalidAfterReboot, Duration timeout) {
}
