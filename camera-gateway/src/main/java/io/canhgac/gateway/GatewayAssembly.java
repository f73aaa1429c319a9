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
import io.canhgac.gateway.live.LinkMedia;
import io.canhgac.gateway.live.LiveSettings;
import io.canhgac.gateway.live.LiveSources;
import io.canhgac.gateway.live.LiveStream;
import io.canhgac.gateway.live.LiveViewServer;
import io.canhgac.gateway.live.TicketVerifier;
import io.canhgac.gateway.media.MediaFigures;
import io.canhgac.gateway.media.MediaSpool;
import io.canhgac.gateway.media.MediaUploader;
import io.canhgac.gateway.motion.CameraMotionSettings;
import io.canhgac.gateway.onboarding.CameraOnboarding;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.outbox.EventJournal;
import io.canhgac.gateway.outbox.JournalFigures;
import io.canhgac.gateway.outbox.JournalSettings;
import io.canhgac.gateway.outbox.OutboxPublisher;
import io.canhgac.gateway.outbox.StreamReportSlot;
import io.canhgac.gateway.recording.CameraCard;
import io.canhgac.gateway.recording.CardReplaySettings;
import io.canhgac.gateway.recording.GatewayRecording;
import io.canhgac.gateway.recording.RecordingRequests;
import io.canhgac.gateway.live.RecordedSources;
import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.gateway.publish.StreamStatsReporter;
import io.canhgac.gateway.registry.AssignmentCache;
import io.canhgac.gateway.registry.AssignmentClient;
import io.canhgac.gateway.registry.AssignmentFollower;
import io.canhgac.gateway.registry.ManagedCameras;
import io.canhgac.gateway.registry.CameraImagingReader;
import io.canhgac.gateway.registry.CameraTopics;
import io.canhgac.gateway.registry.PtzControl;
import io.canhgac.gateway.site.SiteAnnouncer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

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

    private final OnvifClientSettings onvifClient;
    // one client for every ONVIF call of this gateway (health, pull points, onboarding, PTZ): one
    // connection pool and selector thread instead of one each
    private final HttpClient onvifHttp;
    private final PtzControl ptz;
    private final CameraTopics topics;
    private final CameraImagingReader imaging;

    private EventJournal journal;
    private Path temporaryOutbox;
    private Path outboxDir;
    private OutboxPublisher publisher;
    private CameraGateway streams;
    private MediaUploader uploader;
    private GatewayRecording recording;
    private OnvifWatches onvif;
    private volatile ManagedCameras cameras;
    private StreamStatsReporter stats;
    private LiveViewServer live;
    private AssignmentFollower follower;
    private GatewayRequests requests;
    private LinkMedia linkMedia;
    private CentreLink link;
    private SiteAnnouncer site;
    private boolean closed;

    public GatewayAssembly(OnvifClientSettings onvifClient) {
        this.onvifClient = onvifClient;
        this.onvifHttp = SoapClient.newHttpClient(onvifClient);
        this.ptz = new PtzControl(onvifHttp, onvifClient);
        this.topics = new CameraTopics(onvifHttp, onvifClient);
        this.imaging = new CameraImagingReader(onvifHttp, onvifClient);
    }

    /** Describes cameras for onboarding over this gateway's ONVIF client. */
    public CameraOnboarding onboarding(Duration streamTimeout) {
        return new CameraOnboarding(onvifHttp, onvifClient, streamTimeout);
    }

    public PtzControl ptz() {
        return ptz;
    }

    public CameraTopics topics() {
        return topics;
    }

    public CameraImagingReader imaging() {
        return imaging;
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
        publisher = startOutbox(s, centre);
        // streams and ONVIF each see part of a camera's health; the merger publishes one status of both
        CameraStatusMerger merger = new CameraStatusMerger(publisher);
        if (s.recording() != null) {
            // exports wait in the media spool like clips, and jump the bulk queue as asked-for clips do
            recording = GatewayRecording.open(s.recording(), mediaSpool(s.media()), merger.from(CameraStatusMerger.Source.RECORDING),
                    this::mediaWanted);
        }
        streams = new CameraGateway(s.cameras(), s.streams(), cameraId -> CameraMotionSettings.DEFAULTS,
                merger.from(CameraStatusMerger.Source.STREAM), s.media(), recording).start();
        if (s.media() != null) {
            OutboxPublisher events = publisher;
            // media only once its event is at the centre, and clips only while no event waits
            uploader = new MediaUploader(new MediaSpool(s.media().spoolDir()), centre, s.media().upload(),
                    events::isPending, () -> events.pending() > 0).start();
        }
        onvif = new OnvifWatches(onvifHttp, onvifClient, s.health(), PullSettings.DEFAULTS,
                merger.from(CameraStatusMerger.Source.ONVIF), s.onvifThreads());
        cameras = new ManagedCameras(streams, onvif, merger, publisher);
        if (recording != null) {
            // a camera back after an outage is asked for what was missed, from its own storage
            ManagedCameras managed = cameras;
            recording.fillFromCameras(id -> managed.assignment(id).filter(a -> a.deviceService() != null)
                    .map(a -> new CameraCard(java.net.URI.create(a.deviceService()), OnvifCredentials.of(a.username(), a.password()))),
                    CardReplaySettings.DEFAULTS);
        }
        stats = new StreamStatsReporter(StreamStatsReporter.PERIOD, streams::streamReports, publisher::streamReports).start();
        if (s.live() != null) {
            live = startLive(s.live(), cameras);
        }
        // last: the registry's cameras arrive only once everything that serves them is up
        follower = new AssignmentFollower(new AssignmentClient(centre, SERVICE_TIMEOUT), cameras,
                s.registryRefresh(), new AssignmentCache(outboxDir.resolve("cameras.json"))).start();
        if (s.site() != null) {
            site = new SiteAnnouncer(centre, s.site(), onboarding(STREAM_CHECK_TIMEOUT), follower::refreshNow, SERVICE_TIMEOUT,
                    retry(s), s.registryRefresh()).start();
        }
        if (s.link() != null) {
            link = startLink(centre, s.link());
        }
    }

    /** Events wait on disk until the centre has them: a restart during an outage loses none. */
    private OutboxPublisher startOutbox(GatewayNodeSettings s, CentreClient centre) {
        try {
            Path dir = s.outbox();
            if (dir == null) {
                temporaryOutbox = Files.createTempDirectory("canhgac-outbox-");
                dir = temporaryOutbox;
            }
            outboxDir = dir;
            journal = EventJournal.open(dir.resolve("events"), JournalSettings.DEFAULTS);
            return OutboxPublisher.start(journal, new StreamReportSlot(dir.resolve("stream-figures.json")), centre,
                    SERVICE_TIMEOUT, retry(s), dir.resolve("refused.jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the outbox: " + e.getMessage(), e);
        }
    }

    /** The centre reaches this gateway only through the connection the gateway dials. */
    private CentreLink startLink(CentreClient centre, LinkSettings settings) {
        ManagedCameras registered = cameras;
        // live view and snapshots for the centre, which fans the one copy of a stream out to its viewers
        RecordedSources recorded = recording == null ? RecordedSources.NONE : new RecordingRequests(recording);
        linkMedia = new LinkMedia(cameraStreams(registered), LiveSettings.DEFAULTS, this::mediaWanted, recorded);
        requests = new GatewayRequests(WsDiscoveryProbe.anyNetwork(), SweepSettings.DEFAULTS, onboarding(STREAM_CHECK_TIMEOUT),
                ptz, topics, imaging, registered::assignment, follower::refreshNow, linkMedia);
        SiteAnnouncer announcer = site;
        // the centre may have restarted or been changed while the link was down: tell it the site again
        return new CentreLink(centre, settings, requests, this::status, VERSION)
                .onConnected(announcer == null ? () -> { } : announcer::announceSoon).start();
    }

    private static MediaSpool mediaSpool(MediaSettings media) {
        return media == null ? null : new MediaSpool(media.spoolDir());
    }

    /** The gateway's recording; empty when it records nothing or before start. */
    public synchronized Optional<GatewayRecording> recording() {
        return Optional.ofNullable(recording);
    }

    /** Someone at the centre opened an event: its media goes before the bulk queue. */
    private void mediaWanted(UUID eventId) {
        MediaUploader media = uploader;
        if (media != null) {
            media.wanted(eventId);
        }
    }

    /** What the centre shows of this gateway: its cameras, its outbox and its media queue. */
    private GatewayStatus status() {
        MediaFigures media = uploader == null ? MediaFigures.NONE : uploader.figures();
        JournalFigures outbox = publisher.figures();
        return new GatewayStatus(Instant.now(), cameras == null ? 0 : cameras.cameraIds().size(), outbox.pending(),
                outbox.bytes(), outbox.oldestPending(), outbox.dropped(), outbox.alarm(), media.pending(), media.bytes(),
                media.dropped(), outbox.appended());
    }

    private static Backoff retry(GatewayNodeSettings s) {
        return new Backoff(s.retryInitial(), s.retryMax());
    }

    /** The registry's cameras, read from the cameras themselves. */
    private static LiveSources cameraStreams(ManagedCameras cameras) {
        return LiveSources.rtsp((cameraId, stream) -> cameras.streamUrl(cameraId, stream == LiveStream.MAIN),
                LiveSettings.DEFAULTS.ioTimeout());
    }

    private static LiveViewServer startLive(GatewayNodeSettings.LiveView settings, ManagedCameras cameras) {
        try {
            LiveViewServer server = LiveViewServer.start(settings.address(), cameraStreams(cameras),
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

    /** The outbox now: events waiting for the centre; empty figures before start. */
    public synchronized JournalFigures outboxFigures() {
        return publisher == null ? new JournalFigures(0, 0, null, 0, false, 0) : publisher.figures();
    }

    /** Whether the control link to the centre is up; false when this gateway has none. */
    public synchronized boolean linkConnected() {
        return link != null && link.connected();
    }

    /** A camera stream's RTSP URL with its credentials, as the registry gave it; empty before start or when not on this gateway. */
    public Optional<String> streamUrl(String cameraId, boolean main) {
        ManagedCameras registered = cameras; // unlocked: asked from live servers' event loops
        return registered == null ? Optional.empty() : registered.streamUrl(cameraId, main);
    }

    /** What live view and snapshots sent the centre over the link; empty when this gateway has no link. */
    public synchronized Optional<LinkMedia.Figures> linkMedia() {
        return linkMedia == null ? Optional.empty() : Optional.of(linkMedia.figures());
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
        closeQuietly(linkMedia);
        closeQuietly(live);
        closeQuietly(follower);
        closeQuietly(stats);
        closeQuietly(onvif);
        closeQuietly(streams);
        closeQuietly(recording);
        closeQuietly(uploader);
        closeQuietly(publisher);
        closeQuietly(journal);
        deleteTemporaryOutbox();
        link = null;
        site = null;
        requests = null;
        linkMedia = null;
        live = null;
        follower = null;
        stats = null;
        onvif = null;
        streams = null;
        recording = null;
        uploader = null;
        publisher = null;
        journal = null;
        cameras = null;
    }

    private void deleteTemporaryOutbox() {
        if (temporaryOutbox == null) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(temporaryOutbox)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            log.debug("Temporary outbox {} not removed: {}", temporaryOutbox, e.toString());
        }
        temporaryOutbox = null;
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
