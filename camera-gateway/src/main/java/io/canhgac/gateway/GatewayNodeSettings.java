package io.canhgac.gateway;

import io.canhgac.gateway.health.HealthSettings;
import io.canhgac.gateway.link.LinkSettings;
import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.gateway.recording.RecordingSettings;
import io.canhgac.gateway.site.SiteInventory;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What differs between the gateways {@link GatewayAssembly} builds: a commune's standalone gateway and
 * the all-in-one server's in-process one.
 *
 * @param serviceUrl      the event-service the gateway publishes to and follows the registry of
 * @param token           the ingest token; null or blank for none
 * @param retryInitial    first wait before resending events the service did not take (media has its
 *                        own, shorter, in {@link MediaSettings#upload()})
 * @param retryMax        the cap of that wait
 * @param streams         how the stream workers treat their cameras
 * @param media           event snapshots and clips; null for none
 * @param health          the ONVIF health checks
 * @param onvifThreads    ONVIF health checks in flight at once
 * @param registryRefresh how often the registry is re-read
 * @param cameras         streams added by hand, outside the registry (camera id to URL)
 * @param live            the live view server; null for none
 * @param outbox          where events and status changes wait on disk until the centre has them; null for
 *                        a temporary directory removed when the gateway closes (tests)
 * @param link            the control link to the centre (sweeps, onboarding, PTZ, live view through
 *                        the gateway's own connection); null for none (the all-in-one's gateway is
 *                        reached in process)
 * @param site            the inventory of a site that keeps its own, onboarded here and announced to the
 *                        centre ({@code --inventory}); null for a gateway that follows the centre's registry only
 * @param recording       around-the-clock recording of every camera ({@code --recording}); null for none
 */
public record GatewayNodeSettings(String serviceUrl, String token, Duration retryInitial, Duration retryMax,
                                  GatewaySettings streams, MediaSettings media, HealthSettings health, int onvifThreads,
                                  Duration registryRefresh, Map<String, String> cameras, LiveView live, Path outbox,
                                  LinkSettings link, SiteInventory site, RecordingSettings recording) {

    /** A gateway without a site inventory of its own. */
    public GatewayNodeSettings(String serviceUrl, String token, Duration retryInitial, Duration retryMax,
                               GatewaySettings streams, MediaSettings media, HealthSettings health, int onvifThreads,
                               Duration registryRefresh, Map<String, String> cameras, LiveView live, Path outbox,
                               LinkSettings link) {
        this(serviceUrl, token, retryInitial, retryMax, streams, media, health, onvifThreads, registryRefresh, cameras, live,
                outbox, link, null, null);
    }

    /** A gateway that records nothing. */
    public GatewayNodeSettings(String serviceUrl, String token, Duration retryInitial, Duration retryMax,
                               GatewaySettings streams, MediaSettings media, HealthSettings health, int onvifThreads,
                               Duration registryRefresh, Map<String, String> cameras, LiveView live, Path outbox,
                               LinkSettings link, SiteInventory site) {
        this(serviceUrl, token, retryInitial, retryMax, streams, media, health, onvifThreads, registryRefresh, cameras, live,
                outbox, link, site, null);
    }

    /** The same gateway, recording its cameras as {@code settings} say (null: not at all). */
    public GatewayNodeSettings withRecording(RecordingSettings settings) {
        return new GatewayNodeSettings(serviceUrl, token, retryInitial, retryMax, streams, media, health, onvifThreads,
                registryRefresh, cameras, live, outbox, link, site, settings);
    }

    /** The same gateway, announcing this site's inventory. */
    public GatewayNodeSettings withSite(SiteInventory inventory) {
        return new GatewayNodeSettings(serviceUrl, token, retryInitial, retryMax, streams, media, health, onvifThreads,
                registryRefresh, cameras, live, outbox, link, inventory, recording);
    }

    public GatewayNodeSettings {
        Objects.requireNonNull(serviceUrl, "serviceUrl");
        Objects.requireNonNull(retryInitial, "retryInitial");
        Objects.requireNonNull(retryMax, "retryMax");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(registryRefresh, "registryRefresh");
        if (onvifThreads < 1) {
            throw new IllegalArgumentException("onvifThreads must be at least 1, got " + onvifThreads);
        }
        // kept in the order given: workers start in the order the operator listed them
        cameras = cameras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(cameras));
    }

    /**
     * A commune's gateway as {@link GatewayMain} runs it: default health checks, the registry re-read
     * every minute (and at once when the centre says it changed), no live server of its own (the centre
     * asks for live video over the control link).
     */
    public static GatewayNodeSettings standalone(String serviceUrl, String token, Path outbox, MediaSettings media,
                                                 Map<String, String> cameras) {
        // retries every few seconds at most: a failed try on a dead link costs one SYN, and events must
        // reach the centre within seconds of the link's return
        return new GatewayNodeSettings(serviceUrl, token, Duration.ofMillis(500), Duration.ofSeconds(3),
                GatewaySettings.DEFAULTS, media, HealthSettings.DEFAULTS, 4, Duration.ofSeconds(60), cameras, null, outbox,
                LinkSettings.DEFAULTS);
    }

    /**
     * @param address      where the live view server listens (port 0 for a free one)
     * @param ticketSecret the key the event-service signs live view tickets with
     */
    public record LiveView(InetSocketAddress address, byte[] ticketSecret) {

        public LiveView {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(ticketSecret, "ticketSecret");
        }
    }
}
