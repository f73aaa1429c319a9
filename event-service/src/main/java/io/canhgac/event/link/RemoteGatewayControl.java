package io.canhgac.event.link;

import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.contract.registry.AddressRange;
import io.canhgac.contract.registry.DeviceDescription;
import io.canhgac.contract.registry.DiscoveredDevice;
import io.canhgac.contract.registry.CameraImaging;
import io.canhgac.contract.registry.CameraPreset;
import io.canhgac.contract.registry.CameraTopic;
import io.canhgac.contract.registry.PtzCommand;
import io.canhgac.event.camera.GatewayControl;
import io.canhgac.event.camera.OnboardingRefusedException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * A commune's gateway reached through its own control link: the same calls the in-process gateway
 * answers, sent as requests and waited for. A refusal comes back with the gateway's problem code; a
 * link that drops or a gateway that does not answer in time are refusals too (LINK_DOWN, TIMEOUT).
 */
final class RemoteGatewayControl implements GatewayControl {

    private final GatewayLink link;
    private final LinkProperties properties;

    RemoteGatewayControl(GatewayLink link, LinkProperties properties) {
        this.link = link;
        this.properties = properties;
    }

    @Override
    public List<DiscoveredDevice> sweep(String range, SweepObserver observer) throws InterruptedException {
        Consumer<LinkReply.Progress> progress = p -> observer.progress(p.done(), p.total(), p.found());
        LinkReply.Answer answer = await(link.call(id -> new LinkRequest.Sweep(id, range), properties.sweepTimeout(), progress),
                e -> new IllegalStateException("the sweep at gateway " + link.gateway().name() + " failed: " + e.getMessage(), e));
        return expect(answer, LinkReply.Swept.class).devices();
    }

    @Override
    public void checkRange(String range) {
        AddressRange.parse(range);
    }

    @Override
    public DeviceDescription describe(String address, String username, String password) {
        return expect(call(id -> new LinkRequest.Describe(id, address, username, password), properties.describeTimeout()),
                LinkReply.Described.class).device();
    }

    @Override
    public void ptz(String cameraId, PtzCommand command) {
        expect(call(id -> new LinkRequest.Ptz(id, cameraId, command), properties.callTimeout()), LinkReply.Done.class);
    }

    @Override
    public List<CameraTopic> topics(String cameraId) {
        return expect(call(id -> new LinkRequest.Topics(id, cameraId), properties.callTimeout()), LinkReply.Topics.class).topics();
    }

    @Override
    public CameraImaging imaging(String cameraId) {
        return expect(call(id -> new LinkRequest.Imaging(id, cameraId), properties.callTimeout()), LinkReply.Imaging.class).imaging();
    }

    @Override
    public List<CameraPreset> presets(String cameraId) {
        return expect(call(id -> new LinkRequest.Presets(id, cameraId), properties.callTimeout()), LinkReply.Presets.class).presets();
    }

    @Override
    public void camerasChanged() {
        link.tell(new LinkRequest.CamerasChanged());
    }

    @Override
    public void mediaWanted(java.util.UUID eventId) {
        link.tell(new LinkRequest.MediaWanted(eventId));
    }

    /** A call whose refusals are the camera's or the link's: onboarding's 422 with the code. */
    private LinkReply.Answer call(LongFunction<LinkRequest.Call> request, Duration timeout) {
        try {
            return await(link.call(request, timeout, null),
                    e -> new OnboardingRefusedException(e.problem(), e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OnboardingRefusedException(GatewayLinkException.LINK_DOWN, "interrupted while waiting for gateway "
                    + link.gateway().name());
        }
    }

    private static LinkReply.Answer await(CompletableFuture<LinkReply.Answer> answer,
                                          java.util.function.Function<GatewayLinkException, RuntimeException> refusal)
            throws InterruptedException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GatewayLinkException g) {
                throw refusal.apply(g);
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private <A extends LinkReply.Answer> A expect(LinkReply.Answer answer, Class<A> type) {
        if (!type.isInstance(answer)) {
            throw new IllegalStateException("gateway " + link.gateway().name() + " answered " + answer.getClass().getSimpleName()
                    + " where " + type.getSimpleName() + " was expected");
        }
        return type.cast(answer);
    }
}
