package io.canhgac.simulator;

import io.canhgac.simulator.onvif.CardRecordings;
import io.canhgac.simulator.onvif.DeviceCredentials;
import io.canhgac.simulator.onvif.DeviceEvents;
import io.canhgac.simulator.onvif.DeviceIdentity;
import io.canhgac.simulator.onvif.Firmware;
import io.canhgac.simulator.onvif.MediaCatalog;
import io.canhgac.simulator.onvif.OnvifDevice;
import io.canhgac.simulator.onvif.OnvifDeviceServer;
import io.canhgac.simulator.onvif.PtzState;
import io.canhgac.simulator.onvif.WsDiscoveryConfig;
import io.canhgac.simulator.onvif.WsDiscoveryResponder;
import io.canhgac.simulator.rtsp.CameraStorage;
import io.netty.channel.EventLoopGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * A simulated camera's ONVIF side: its device server (one account with RTSP) and its WS-Discovery
 * responder, powered with the camera, and camera-side motion and tamper events that follow the
 * scene's ground truth.
 */
final class CameraOnvif {

    private static final Logger log = LoggerFactory.getLogger(CameraOnvif.class);

    private final String cameraId;
    private final DeviceEvents events = new DeviceEvents();
    private final PtzState ptz = PtzState.withDefaultPresets();
    private final OnvifDeviceServer server;
    private final WsDiscoveryResponder discovery;
    private boolean discoveryWarned;

    CameraOnvif(String cameraId, DeviceIdentity identity, boolean hasPtz, Firmware firmware, Supplier<CameraCredentials> account,
                EventLoopGroup group, InetSocketAddress address, boolean discovery, Supplier<String> rtspBase,
                Supplier<byte[]> snapshot, CardRecordings card) {
        this.cameraId = cameraId;
        OnvifDevice device = new OnvifDevice(identity,
                DeviceCredentials.following(account.get().username(), () -> account.get().password()),
                MediaCatalog.mainAndSub(rtspBase, snapshot), ptz, events, hasPtz).withFirmware(firmware).withRecordings(card);
        this.server = new OnvifDeviceServer(group, address, device);
        this.discovery = discovery ? new WsDiscoveryResponder(group, server, WsDiscoveryConfig.loopback()) : null;
    }

    /** The card's recordings as ONVIF shows them: one per stream served, replayed at {@code <rtsp>/replay/<stream>}. */
    static CardRecordings card(CameraStorage storage, Supplier<List<String>> streams, Supplier<String> rtspBase) {
        return new CardRecordings() {
            @Override
            public List<String> tokens() {
                return streams.get();
            }

            @Override
            public Instant dataFrom() {
                return storage.earliest();
            }

            @Override
            public Instant dataUntil() {
                return storage.now();
            }

            @Override
            public URI replayUri(String token) {
                return URI.create(rtspBase.get() + "/replay/" + token);
            }
        };
    }

    void start() throws InterruptedException {
        server.start();
        if (discovery != null) {
            try {
                discovery.start();
            } catch (Exception e) {
                // e.g. a host whose lo interface has no MULTICAST flag: the device still answers over HTTP
                if (!discoveryWarned) {
                    log.warn("Camera {}: WS-Discovery unavailable on the loopback interface ({}); ONVIF over HTTP still works",
                            cameraId, e.toString());
                    discoveryWarned = true;
                }
            }
        }
    }

    void stop() {
        if (discovery != null && discovery.isRunning()) {
            discovery.stop();
        }
        server.stop();
    }

    /** Raises or clears the camera-side motion and tamper events; only changes are published. */
    void follow(boolean motion, boolean tamper) {
        events.motion(motion);
        events.tamper(tamper);
    }

    /** Where the camera looks now, in ONVIF's generic pan space (-1 … 1). */
    double pan() {
        return ptz.position().pan();
    }

    String deviceServiceUrl() {
        return server.deviceServiceUrl();
    }

    InetSocketAddress address() {
        return server.address();
    }
}
