package io.canhgac.simulator.onvif;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The URLs a device hands out — service XAddrs, the snapshot and pull-point subscriptions — all
 * on the address it is bound to, which is also what WS-Discovery advertises.
 */
record ServiceAddresses(String base) {

    static final String DEVICE_PATH = "/onvif/device_service";
    static final String MEDIA_PATH = "/onvif/media_service";
    static final String MEDIA2_PATH = "/onvif/media2_service";
    static final String IMAGING_PATH = "/onvif/imaging_service";
    static final String EVENTS_PATH = "/onvif/events_service";
    static final String PTZ_PATH = "/onvif/ptz_service";
    static final String SEARCH_PATH = "/onvif/search_service";
    static final String REPLAY_PATH = "/onvif/replay_service";
    static final String SNAPSHOT_PATH = "/onvif/snapshot.jpg";
    static final String SUBSCRIPTION_PREFIX = "/onvif/subscription/";

    static ServiceAddresses of(InetSocketAddress bound) {
        String host = bound.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return new ServiceAddresses("http://" + host + ":" + bound.getPort());
    }

    String device() {
        return base + DEVICE_PATH;
    }

    String media() {
        return base + MEDIA_PATH;
    }

    String media2() {
        return base + MEDIA2_PATH;
    }

    String imaging() {
        return base + IMAGING_PATH;
    }

    String events() {
        return base + EVENTS_PATH;
    }

    String ptz() {
        return base + PTZ_PATH;
    }

    String search() {
        return base + SEARCH_PATH;
    }

    String replay() {
        return base + REPLAY_PATH;
    }

    String snapshot(String profileToken) {
        return base + SNAPSHOT_PATH + "?profile=" + profileToken;
    }

    String subscription(String id) {
        return base + SUBSCRIPTION_PREFIX + id;
    }

    /** The subscription id in a request path or a full subscription URL. */
    static Optional<String> subscriptionId(String pathOrUrl) {
        int at = pathOrUrl.indexOf(SUBSCRIPTION_PREFIX);
        if (at < 0) {
            return Optional.empty();
        }
        String id = pathOrUrl.substring(at + SUBSCRIPTION_PREFIX.length());
        int end = indexOfAny(id, "?#/");
        id = end < 0 ? id : id.substring(0, end);
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    static boolean isSoapPath(String path) {
        return path.equals(DEVICE_PATH) || path.equals(MEDIA_PATH) || path.equals(MEDIA2_PATH)
                || path.equals(IMAGING_PATH) || path.equals(EVENTS_PATH)
                || path.equals(PTZ_PATH) || path.equals(SEARCH_PATH) || path.equals(REPLAY_PATH) || path.startsWith(SUBSCRIPTION_PREFIX);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
