package io.canhgac.gateway;

import io.canhgac.contract.link.GatewayStatus;
import io.canhgac.contract.registry.CameraAssignment;
import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.camera.CameraState;
import io.canhgac.gateway.camera.CameraStatusMerger;
import io.canhgac.gateway.centre.CentreClient;
import io.canhgac.gateway.discovery.SweepSettings;
import io.canhgac.gateway.discovery.WsDiscoveryProbe;
import io.canhgac.gateway.health.OnvifWatches;
import io.canhgac.gateway.health.PullSettings;
import io.canhgac.gateway.link.CentreLink;
import io.canhgac.gateway.link.GatewayRequests;
import io.canhgac.gateway.link.LinkSettings;
import io.canhgac.gateway.link.UnsupportedRequests;
import io.canhgac.gateway.live.LiveSettings;
import io.canhgac.gateway.live.LiveStream;
import io.canhgac.gateway.live.LiveViewServer;
import io.canhgac.gateway.live.TicketVerifier;
import io.canhgac.gateway.media.MediaSpool;
import io.canhgac.gateway.media.MediaUploader;
import io.canhgac.gateway.motion.CameraMotionSettings;
import io.canhgac.gateway.onboarding.CameraOnboarding;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.publish.HttpEventPublisher;
import io.canhgac.gateway.publish.StreamStatsReporter;
import io.canhgac.gateway.registry.AssignmentClient;
import io.canhgac.gateway.registry.AssignmentFollower;
import io.canhgac.gateway.registry.ManagedCameras;
import io.canhgac.gateway.registry.PtzControl;
import io.canhgac.gateway.site.SiteAnnouncer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One gateway, whole: the event publisher, the stream workers, the ONVIF health checks and event
 * subscriptions, the registry follower, the media uploader, the stream figures and, when asked for,
 * live view. The standalone {@link GatewayMain} and the all-in-one server both run exactly this, so
 * what a commune runs is what the district's tests exercise.
 * <p>
 * Made in two steps because the all-in-one server knows its own URL only once its web server
 * listens: the ONVIF side (onboarding, PTZ) works from construction, the rest from {@link #start}.
 */
public final class GatewayAssembly implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GatewayAssembly.class);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long onboarding through the link waits for a camera's substream to give a picture. */
    private static final Duration STREAM_CHECK_TIMEOUT = Duration.ofSeconds(10);
    static final String VERSION = Optional.ofNullable(GatewayAssembly.class.getPackage().getImplementationVersion()).orElse("dev");
    private static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration MEDIA_POLL = Duration.ofSeconds(1);

    private final OnvifClientSettings onvifClient;
    // one client for every ONVIF call of this gateway (health, pull points, onboarding, PTZ): one
    // connection pool and selector thread instead of one each
    private final HttpClient onvifHttp;
    private final PtzControl ptz;

    private HttpEventPublisher publisher;
    private CameraGateway streams;
    private MediaUploader uploader;
    private OnvifWatches onvif;
    private ManagedCameras cameras;
    private StreamStatsReporter stats;
    private LiveViewServer live;
    private AssignmentFollower follower;
    private GatewayRequests requests;
    private CentreLink link;
    private SiteAnnouncer site;
    private boolean closed;

    public GatewayAssembly(OnvifClientSettings onvifClient) {
        this.onvifClient = onvifClient;
        this.onvifHttp = SoapClient.newHttpClient(onvifClient);
        this.ptz = new PtzControl(onvifHttp, onvifClient);
    }

    /** Describes cameras for onboarding over this gateway's ONVIF client. */
    public CameraOnboarding onboarding(Duration streamTimeout) {
        return new CameraOnboarding(onvifHttp, onvifClient, streamTimeout);
    }

    public PtzControl ptz() {
        return ptz;
    }

    /** Builds and starts every part; a second call does nothing. */
    public synchronized GatewayAssembly start(GatewayNodeSettings settings) {
        if (closed) {
            throw new IllegalStateException("gateway already closed");
        }
        if (publisher != null) {
            return this;
        }
        try {
            startParts(settings);
        } catch (RuntimeException e) {
            close(); // what did start must not outlive the failure
            throw e;
        }
        log.info("Gateway following the registry at {}, health checks every {}", settings.serviceUrl(),
                settings.health().interval());
        return this;
    }

    private void startParts(GatewayNodeSettings s) {
        CentreClient centre = new CentreClient(s.serviceUrl(), s.token(), CONNECT_TIMEOUT);
        publisher = new HttpEventPublisher(centre, SERVICE_TIMEOUT, retry(s));
        // streams and ONVIF each see part of a camera's health; the merger publishes one status of both
        CameraStatusMerger merger = new CameraStatusMerger(publisher);
        streams = new CameraGateway(s.cameras(), s.streams(), cameraId -> CameraMotionSettings.DEFAULTS,
                merger.from(CameraStatusMerger.Source.STREAM), s.media()).start();
        if (s.media() != null) {
            uploader = new MediaUploader(new MediaSpool(s.media().spoolDir()), centre, MEDIA_TIMEOUT,
                    retry(s), MEDIA_POLL);
        }
        onvif = new OnvifWatches(onvifHttp, onvifClient, s.health(), PullSettings.DEFAULTS,
                merger.from(CameraStatusMerger.Source.ONVIF), s.onvifThreads());
        cameras = new ManagedCameras(streams, onvif, merger, publisher);
        stats = new StreamStatsReporter(centre, StreamStatsReporter.PERIOD, streams::streamReports).start();
        if (s.live() != null) {
            live = startLive(s.live(), cameras);
        }
        // last: the registry's cameras arrive only once everything that serves them is up
        follower = new AssignmentFollower(new AssignmentClient(centre, SERVICE_TIMEOUT), cameras,
                s.registryRefresh()).start();
        if (s.site() != null) {
            site = new SiteAnnouncer(centre, s.site(), onboarding(STREAM_CHECK_TIMEOUT), follower::refreshNow, SERVICE_TIMEOUT,
                    retry(s), s.registryRefresh()).start();
        }
        if (s.link() != null) {
            link = startLink(centre, s.link());
        }
    }

    /** The centre reaches this gateway only through the connection the gateway dials. */
    private CentreLink startLink(CentreClient centre, LinkSettings settings) {
        ManagedCameras registered = cameras;
        requests = new GatewayRequests(WsDiscoveryProbe.anyNetwork(), SweepSettings.DEFAULTS, onboarding(STREAM_CHECK_TIMEOUT),
                ptz, registered::assignment, follower::refreshNow, new UnsupportedRequests());
        SiteAnnouncer announcer = site;
        // the centre may have restarted or been changed while the link was down: tell it the site again
        return new CentreLink(centre, settings, requests, this::status, VERSION)
                .onConnected(announcer == null ? () -> { } : announcer::announceSoon).start();
    }

    /** What the centre shows of this gateway: its cameras, its outbox and its media queue. */
    private GatewayStatus status() {
        MediaUploader media = uploader;
        return new GatewayStatus(Instant.now(), cameras == null ? 0 : cameras.cameraIds().size(), publisher.pending(), 0, null, 0,
                false, media == null ? 0 : media.pending(), 0, 0);
    }

    private static Backoff retry(GatewayNodeSettings s) {
        return new Backoff(s.retryInitial(), s.retryMax());
    }

    private static LiveViewServer startLive(GatewayNodeSettings.LiveView settings, ManagedCameras cameras) {
        try {
            LiveViewServer server = LiveViewServer.start(settings.address(),
                    (cameraId, stream) -> cameras.streamUrl(cameraId, stream == LiveStream.MAIN),
                    new TicketVerifier(settings.ticketSecret()), LiveSettings.DEFAULTS, fragment -> { });
            log.info("Live view on {}:{}", settings.address().getHostString(), server.port());
            return server;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the rest of the gateway still works without live view: say so and go on. Exception, not
            // RuntimeException: Netty rethrows a taken port's BindException unchecked by the compiler
            // (it used to escape and stop the whole server)
            log.error("Live view not started on port {}: {}", settings.address().getPort(), e.toString());
        }
        return null;
    }

    /** The camera as the registry last described it; empty before start or when not on this gateway. */
    public synchronized Optional<CameraAssignment> assignment(String cameraId) {
        return cameras == null ? Optional.empty() : cameras.assignment(cameraId);
    }

    /** The registry changed: fetch it now rather than at the next refresh. */
    public synchronized void refreshNow() {
        if (follower != null) {
            follower.refreshNow();
        }
    }

    public synchronized List<CameraState> states() {
        return streams == null ? List.of() : streams.states();
    }

    /** Whether the control link to the centre is up; false when this gateway has none. */
    public synchronized boolean linkConnected() {
        return link != null && link.connected();
    }

    /** The live view server's port; empty when it is off, not started or failed to start. */
    public synchronized OptionalInt livePort() {
        return live == null ? OptionalInt.empty() : OptionalInt.of(live.port());
    }

    /**
     * Stops in the reverse order of start: no new viewers or registry changes first, then the
     * watchers and workers that make events, then the uploader (what is left stays in the spool for
     * the next start), and the publisher last so that it sees every event the others made.
     */
    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(link);
        closeQuietly(site);
        closeQuietly(requests);
        closeQuietly(live);
        closeQuietly(follower);
        closeQuietly(stats);
        closeQuietly(onvif);
        closeQuietly(streams);
        closeQuietly(uploader);
        closeQuietly(publisher);
        link = null;
        site = null;
        requests = null;
        live = null;
        follower = null;
        stats = null;
        onvif = null;
        streams = null;
        uploader = null;
        publisher = null;
        cameras = null;
    }

    // one part failing to close must not leave the others running
    private static void closeQuietly(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            log.warn("Closing {} failed: {}", part.getClass().getSimpleName(), e.toString());
        }
    }
}
