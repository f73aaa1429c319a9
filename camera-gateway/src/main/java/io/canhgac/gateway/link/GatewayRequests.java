package io.canhgac.gateway.link;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.contract.registry.AddressRange;
import io.canhgac.contract.registry.CameraAssignment;
import io.canhgac.gateway.discovery.DiscoveredCamera;
import io.canhgac.gateway.discovery.SweepSettings;
import io.canhgac.gateway.discovery.WsDiscoveryProbe;
import io.canhgac.gateway.onboarding.CameraOnboarding;
import io.canhgac.gateway.onboarding.OnboardingResult;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.registry.CameraImagingReader;
import io.canhgac.gateway.registry.CameraTopics;
import io.canhgac.gateway.registry.PtzControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * What the centre may ask of a commune's gateway over its link: sweep the commune's network,
 * describe (onboard or test an account on) a camera, move a PTZ head and keep its presets, read a
 * camera's topics, imaging settings and presets for its page, and follow a registry change.
 * Each blocking call runs on a small pool of its own, so a long sweep never holds up a PTZ stop.
 * Snapshots, live video and media requests go to the handlers given for them.
 */
public final class GatewayRequests implements LinkRequestHandler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GatewayRequests.class);

    /** Answers for the kinds this class does not do itself. */
    public interface Delegate {
        void handle(LinkRequest request, LinkReplies replies);

        default void linkDown() {
        }
    }

    private final WsDiscoveryProbe probe;
    private final SweepSettings sweep;
    private final CameraOnboarding onboarding;
    private final PtzControl ptz;
    private final CameraTopics topics;
    private final CameraImagingReader imaging;
    private final Function<String, Optional<CameraAssignment>> cameras;
    private final Runnable registryChanged;
    private final Delegate media;
    private final ExecutorService sweeps = Executors.newSingleThreadExecutor(new DefaultThreadFactory("link-sweep", true));
    private final ExecutorService calls = Executors.newFixedThreadPool(2, new DefaultThreadFactory("link-call", true));

    /**
     * @param topics          reads a camera's event topics for the camera page
     * @param imaging         reads a camera's imaging settings for the camera page
     * @param cameras         the camera as the registry gave it to this gateway, by id
     * @param registryChanged fetch this gateway's cameras now
     * @param media           snapshots, live video and media requests
     */
    public GatewayRequests(WsDiscoveryProbe probe, SweepSettings sweep, CameraOnboarding onboarding, PtzControl ptz,
                           CameraTopics topics, CameraImagingReader imaging, Function<String, Optional<CameraAssignment>> cameras,
                           Runnable registryChanged, Delegate media) {
        this.topics = topics;
        this.imaging = imaging;
        this.probe = probe;
        this.sweep = sweep;
        this.onboarding = onboarding;
        this.ptz = ptz;
        this.cameras = cameras;
        this.registryChanged = registryChanged;
        this.media = media;
    }

    @Override
    public void handle(LinkRequest request, LinkReplies replies) {
        if (request instanceof LinkRequest.Sweep s) {
            run(sweeps, s.id(), replies, () -> sweep(s, replies));
        } else if (request instanceof LinkRequest.Describe d) {
            run(calls, d.id(), replies, () -> describe(d));
        } else if (request instanceof LinkRequest.Ptz p) {
            run(calls, p.id(), replies, () -> ptz(p));
        } else if (request instanceof LinkRequest.Topics t) {
            run(calls, t.id(), replies, () -> topics(t));
        } else if (request instanceof LinkRequest.Imaging i) {
            run(calls, i.id(), replies, () -> onCamera(i.id(), i.cameraId(), c -> new LinkReply.Imaging(i.id(), imaging.read(c))));
        } else if (request instanceof LinkRequest.Presets p) {
            run(calls, p.id(), replies, () -> onCamera(p.id(), p.cameraId(), c -> new LinkReply.Presets(p.id(), ptz.presets(c))));
        } else if (request instanceof LinkRequest.CamerasChanged) {
            registryChanged.run();
        } else {
            media.handle(request, replies);
        }
    }

    @Override
    public void linkUp() {
        registryChanged.run();
    }

    @Override
    public void linkDown() {
        media.linkDown();
    }

    private LinkReply.Answer sweep(LinkRequest.Sweep s, LinkReplies replies) {
        AddressRange range;
        try {
            range = AddressRange.parse(s.range());
        } catch (IllegalArgumentException e) {
            return new LinkReply.Failed(s.id(), "BAD_REQUEST", e.getMessage());
        }
        try {
            List<DiscoveredCamera> found = probe.sweep(range, sweep,
                    p -> replies.reply(new LinkReply.Progress(s.id(), p.done(), p.total(), p.found())));
            return new LinkReply.Swept(s.id(), found.stream().map(DiscoveredCamera::device).toList());
        } catch (IOException e) {
            return new LinkReply.Failed(s.id(), "FAILED", "the sweep could not send its probes: " + e.getMessage());
        }
    }

    private LinkReply.Answer describe(LinkRequest.Describe d) {
        OnboardingResult result = onboarding.onboard(d.address(), OnvifCredentials.of(d.username(), d.password()));
        if (result instanceof OnboardingResult.Refused refused) {
            return new LinkReply.Failed(d.id(), refused.problem().name(), refused.message());
        }
        return new LinkReply.Described(d.id(), ((OnboardingResult.Onboarded) result).camera().description());
    }

    private LinkReply.Answer ptz(LinkRequest.Ptz p) {
        return onCamera(p.id(), p.cameraId(), camera -> {
            ptz.apply(camera, p.command());
            return new LinkReply.Done(p.id());
        });
    }

    private LinkReply.Answer topics(LinkRequest.Topics t) {
        return onCamera(t.id(), t.cameraId(), camera -> new LinkReply.Topics(t.id(), topics.read(camera)));
    }

    /** An ONVIF call on a registered camera, its failures as the centre's problem codes. */
    private LinkReply.Answer onCamera(long id, String cameraId, CameraCall call) {
        Optional<CameraAssignment> camera = cameras.apply(cameraId);
        if (camera.isEmpty()) {
            return new LinkReply.Failed(id, "UNKNOWN_CAMERA", "camera " + cameraId + " is not on this gateway");
        }
        try {
            return call.on(camera.get());
        } catch (OnvifException e) {
            return new LinkReply.Failed(id, e.failure().name(), "Camera " + cameraId + ": " + e.plainMessage());
        } catch (IllegalStateException e) {
            return new LinkReply.Failed(id, "BAD_REQUEST", e.getMessage());
        }
    }

    @FunctionalInterface
    private interface CameraCall {
        LinkReply.Answer on(CameraAssignment camera) throws OnvifException;
    }

    /** Runs a call and sends its answer; whatever goes wrong, the centre gets an answer rather than a timeout. */
    private static void run(ExecutorService pool, long id, LinkReplies replies, java.util.function.Supplier<LinkReply.Answer> call) {
        try {
            pool.execute(() -> {
                LinkReply.Answer answer;
                try {
                    answer = call.get();
                } catch (RuntimeException e) {
                    log.warn("Request {} from the centre failed", id, e);
                    answer = new LinkReply.Failed(id, "FAILED", e.toString());
                }
                replies.reply(answer);
            });
        } catch (RejectedExecutionException e) {
            replies.reply(new LinkReply.Failed(id, "FAILED", "the gateway is stopping"));
        }
    }

    @Override
    public void close() {
        sweeps.shutdownNow();
        calls.shutdownNow();
    }
}
