package io.canhgac.district;

import io.canhgac.gateway.health.HealthSettings;
import io.canhgac.gateway.recording.RecordedStream;
import io.canhgac.gateway.recording.RecordingSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the all-in-one server runs besides the event-service.
 *
 * @param simulator the simulated district (for the demo and tests)
 * @param gateway   the in-process gateway (all-in-one topology)
 * @param topology  one process, or a gateway process per commune behind its own link
 * @param communes  the commune gateway processes (communes topology)
 */
@ConfigurationProperties("canhgac")
@Validated
record DistrictProperties(@DefaultValue Simulator simulator, @DefaultValue Gateway gateway,
                          @DefaultValue("all-in-one") Topology topology, @DefaultValue CommuneGateways communes) {

    /**
     * @param dataDir      each commune gateway's outbox, media spool and log under {@code <dataDir>/<commune>/}
     * @param heap         a gateway process's largest heap: 3 MB per camera, 256 MB at least (BENCHMARKS.md)
     * @param restartDelay a gateway process that dies is started again after this long
     * @param linkKbits    the links' bandwidth cap at start, both ways (0: none); change it at run time at
     *                     {@code /links/<commune>/rate} on the fault control
     * @param linkDelay    the links' added one-way delay at start
     */
    record CommuneGateways(@DefaultValue("data/gateways") String dataDir, @DefaultValue("256MB") DataSize heap,
                           @DefaultValue("5s") Duration restartDelay, @DefaultValue("0") @Min(0) @Max(1_000_000) long linkKbits,
                           @DefaultValue("0ms") Duration linkDelay) {
    }

    /**
     * @param enabled            serve the inventory's cameras from simulated cameras on loopback
     * @param perCameraAddresses each camera on its inventory address (127.0.x.y) like a real network; else all on {@code host}
     * @param host               loopback address shared by the cameras when not per camera
     * @param rtspPort           RTSP port (per camera address, or the first of a range on {@code host}); 0 for free ports
     * @param mainStreams        also serve 1280x720 main streams (encoded in the background the first time)
     * @param authenticate       cameras ask for the inventory's credentials
     * @param sceneCache         where encoded scenes are kept between runs; blank for ~/.cache/canhgac/scenes
     * @param controlPort        the fault control's HTTP port on 127.0.0.1 (0 for a free one, -1 for none)
     * @param onvifPort          each camera's ONVIF port on its address (0 for free ports, -1 for no ONVIF)
     * @param discovery          cameras answer WS-Discovery on the loopback interface (best effort: needs multicast on lo)
     */
    record Simulator(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean perCameraAddresses,
                     @DefaultValue("127.0.0.1") String host, @DefaultValue("8554") int rtspPort,
                     @DefaultValue("true") boolean mainStreams, @DefaultValue("true") boolean authenticate,
                     @DefaultValue("") String sceneCache, @DefaultValue("8555") int controlPort,
                     @DefaultValue("8899") int onvifPort, @DefaultValue("true") boolean discovery) {
    }

    /**
     * @param enabled           pull the cameras' streams in this process
     * @param registerInventory at start, register the inventory's cameras that are not yet registered:
     *                          through ONVIF when they speak it (the simulator's do), else by stream URL
     * @param registryRefresh   how often the gateway re-reads its cameras from the registry (it is also
     *                          told at once when a camera is onboarded)
     * @param health            the ONVIF health checks: interval, backoff of a failing camera, confirmations
     * @param onvifThreads      ONVIF calls in flight at once
     * @param streamCheckTimeout how long onboarding waits for the substream's first picture
     * @param sweepAnswerWait   how long a discovery sweep waits for answers to each batch of probes
     * @param live              the centre's live view server
     * @param mediaSpool        where event snapshots and clips wait until the event-service has them; blank for no media
     * @param outbox            where events wait on disk until the event-service has them; blank for a
     *                          temporary folder removed at stop (tests)
     * @param recording         around-the-clock recording of every camera it pulls
     */
    record Gateway(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean registerInventory,
                   @DefaultValue("60s") Duration registryRefresh, @DefaultValue Health health,
                   @DefaultValue("4") @Min(1) @Max(64) int onvifThreads,
                   @DefaultValue("10s") Duration streamCheckTimeout, @DefaultValue("1s") Duration sweepAnswerWait,
                   @DefaultValue Live live, @DefaultValue("data/media-spool") String mediaSpool,
                   @DefaultValue("data/outbox") String outbox, @DefaultValue Recording recording) {
    }

    /**
     * The in-process gateway's recording. The defaults are the demo's, like the commune gateways' of
     * the communes topology: the substream (the picture its workers already read, so no second pull),
     * 2 days, 4 GB for every camera together, 1 GB of the disk always left free, so a laptop's disk is
     * never filled. The simulator's substreams are about 530 kbit/s: 4 GB keeps the last ~20 minutes of
     * all 46 cameras (the quota decides, not the days), like the communes' 512 MB each for ~9 cameras.
     *
     * @param dir     one folder per camera; blank for no recording
     * @param stream  {@code sub} or {@code main} (main is pulled a second time, demuxed only)
     * @param days    how long a segment is kept, 1–366
     * @param quota   all cameras' segments together: the oldest go first beyond it
     * @param minFree below this much free space on the disk, recording stops (and resumes above it)
     * @param segment segment length, 10–60 s
     */
    record Recording(@DefaultValue("data/recordings") String dir, @DefaultValue("sub") RecordedStream stream,
                     @DefaultValue("2") @Min(1) @Max(366) int days, @DefaultValue("4GB") DataSize quota,
                     @DefaultValue("1GB") DataSize minFree, @DefaultValue("30s") Duration segment) {

        /** Null when recording is off. */
        RecordingSettings settings() {
            if (dir.isBlank()) {
                return null;
            }
            return RecordingSettings.defaults(Path.of(dir)).withStream(stream).withRetention(days, Map.of())
                    .withDisk(quota.toBytes(), minFree.toBytes()).withSegment(segment);
        }
    }

    /**
     * The centre's live server (fragmented MP4 over WebSocket): every camera of the district on one
     * port, a commune's through its gateway's link, the others from the in-process gateway. Runs
     * whether or not the in-process gateway does.
     *
     * @param enabled     serve live view
     * @param address     where it listens; 0.0.0.0 so the operations centre's screens reach it
     * @param port        its port (0 for a free one); browsers learn it from their tickets
     * @param linger      how long a stream keeps being pulled after its last viewer left (a page
     *                    reload reuses it); for a commune's camera, how long video still crosses its link
     * @param linkTimeout how long a commune's gateway may take to open a camera stream over its link,
     *                    and then to send each picture, before the stream counts as broken
     */
    record Live(@DefaultValue("true") boolean enabled, @DefaultValue("0.0.0.0") String address,
                @DefaultValue("8081") @Min(0) @Max(65535) int port, @DefaultValue("10s") Duration linger,
                @DefaultValue("15s") Duration linkTimeout) {
    }

    /** See {@link HealthSettings}; the defaults are its defaults. */
    record Health(@DefaultValue("30s") Duration interval, @DefaultValue("5s") Duration retryInitial,
                  @DefaultValue("2m") Duration retryMax, @DefaultValue("2") @Min(1) @Max(10) int confirmations) {

        HealthSettings settings() {
            return new HealthSettings(interval, retryInitial, retryMax, confirmations);
        }
    }
}
