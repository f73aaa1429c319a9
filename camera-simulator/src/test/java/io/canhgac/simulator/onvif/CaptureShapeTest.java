package io.canhgac.simulator.onvif;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ImmediateEventExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our responses are shaped like real cameras': each captured request (tokens swapped for ours) is
 * answered by our service, and every element and attribute path in our answer must occur in at
 * least one vendor's captured response to the same operation — no invented structure — while the
 * paths clients rely on must be present.
 */
class CaptureShapeTest {

    private final EventLoop loop = new DefaultEventLoop();
    private final OnvifDevice device = TestDevices.device();
    private final PullPointSubscriptions subscriptions = new PullPointSubscriptions(loop, device.events(), device.clock());
    private final Map<Ns, SoapService> services = Map.of(
            Ns.TDS, new DeviceService(device), Ns.TRT, new MediaService(device),
            Ns.TEV, new EventService(subscriptions, device.clock()), Ns.TPTZ, new PtzService(device));
    private final ServiceAddresses addresses = new ServiceAddresses("http://127.0.0.11:8080");

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void responsesUseOnlyStructureRealCamerasUse() throws Exception {
        Map<String, String> operations = new LinkedHashMap<>();
        operations.put("core/GetSystemDateAndTime", "GetSystemDateAndTimeResponse/SystemDateAndTime/UTCDateTime/Date/Year");
        operations.put("core/GetDeviceInformation", "GetDeviceInformationResponse/SerialNumber");
        operations.put("core/GetCapabilities", "GetCapabilitiesResponse/Capabilities/Media/XAddr");
        operations.put("core/GetServices", "GetServicesResponse/Service/XAddr");
        operations.put("core/GetScopes", "GetScopesResponse/Scopes/ScopeItem");
        operations.put("media/GetProfiles", "GetProfilesResponse/Profiles/VideoEncoderConfiguration/Resolution/Width");
        operations.put("media/GetProfile", "GetProfileResponse/Profile/VideoEncoderConfiguration/RateControl/BitrateLimit");
        operations.put("media/GetStreamUri", "GetStreamUriResponse/MediaUri/Uri");
        operations.put("media/GetSnapshotUri", "GetSnapshotUriResponse/MediaUri/Uri");
        operations.put("media/GetVideoSources", "GetVideoSourcesResponse/VideoSources/Resolution/Width");
        operations.put("events/CreatePullPointSubscription", "CreatePullPointSubscriptionResponse/SubscriptionReference/Address");
        operations.put("ptz/GetPresets", "GetPresetsResponse/Preset/PTZPosition/PanTilt/@x");
        operations.put("ptz/GetStatus", "GetStatusResponse/PTZStatus/Position/PanTilt/@x");
        operations.put("ptz/ContinuousMove", "ContinuousMoveResponse");
        operations.put("ptz/Stop", "StopResponse");
        operations.put("ptz/GotoPreset", "GotoPresetResponse");
        Path captures = SoapRequestCaptureTest.captures();
        for (var entry : operations.entrySet()) {
            Set<String> real = new TreeSet<>();
            String request = null;
            for (String vendor : List.of("axis", "hikvision", "pelco")) {
                Path response = captures.resolve(vendor + "/" + entry.getKey() + ".Response.xml");
                if (Files.exists(response)) {
                    real.addAll(paths(bodyContent(Files.readAllBytes(response))));
                    if (request == null) {
                        request = Files.readString(captures.resolve(vendor + "/" + entry.getKey() + ".Request.xml"));
                    }
                }
            }
            assertThat(real).as("captured responses to " + entry.getKey()).isNotEmpty();
            Set<String> ours = paths(answer(request));
            assertThat(ours).as(entry.getKey() + ": every path we send occurs in a real camera's answer").isSubsetOf(real);
            assertThat(ours).as(entry.getKey()).contains(entry.getValue());
        }
    }

    @Test
    void pullMessagesNotificationsAreShapedLikePelcos() throws Exception {
        byte[] captured = Files.readAllBytes(SoapRequestCaptureTest.captures().resolve("pelco/events/PullMessages.Response.xml"));
        Set<String> real = paths(bodyContent(captured));
        String id = subscriptions.create(java.time.Duration.ZERO).get(5, TimeUnit.SECONDS).id();
        SoapRequest pull = SoapRequest.parse(new SafeXmlParser(), OnvifSoapClient.envelope("",
                "<tev:PullMessages><tev:Timeout>PT0S</tev:Timeout><tev:MessageLimit>10</tev:MessageLimit></tev:PullMessages>")
                .getBytes(StandardCharsets.UTF_8));
        String body = services.get(Ns.TEV).handle(new SoapCall(pull, ServiceAddresses.SUBSCRIPTION_PREFIX + id, addresses,
                ImmediateEventExecutor.INSTANCE.newPromise())).toCompletableFuture().get(5, TimeUnit.SECONDS);
        Set<String> ours = paths(bodyContent(SoapEnvelope.wrap(body).getBytes(StandardCharsets.UTF_8)));
        assertThat(ours).contains("PullMessagesResponse/NotificationMessage/Message/Message/Data/SimpleItem/@Value");
        assertThat(ours).isSubsetOf(real);
    }

    private Element answer(String capturedRequest) throws Exception {
        String request = capturedRequest
                .replaceAll("(<(\\w+:)?ProfileToken>)[^<]*(</)", "$1main$3")
                .replaceAll("(<(\\w+:)?PresetToken>)[^<]*(</)", "$12$3");
        SoapRequest r = SoapRequest.parse(new SafeXmlParser(), request.getBytes(StandardCharsets.UTF_8));
        Ns ns = java.util.Arrays.stream(Ns.values()).filter(n -> n.uri().equals(r.operation().getNamespaceURI())).findFirst().orElseThrow();
        String body = services.get(ns).handle(new SoapCall(r, "/onvif/device_service", addresses,
                ImmediateEventExecutor.INSTANCE.newPromise())).toCompletableFuture().get(5, TimeUnit.SECONDS);
        return bodyContent(SoapEnvelope.wrap(body).getBytes(StandardCharsets.UTF_8));
    }

    private static Element bodyContent(byte[] envelope) throws SoapFault {
        Element root = new SafeXmlParser().parse(envelope).getDocumentElement();
        Element body = Dom.child(root, Ns.ENV, "Body").orElseThrow();
        return Dom.children(body).get(0);
    }

    /** Local-name paths of every element and attribute (vendors' prefixes differ; namespaces are checked elsewhere). */
    private static Set<String> paths(Element root) {
        Set<String> out = new TreeSet<>();
        collect(root, root.getLocalName(), out);
        return out;
    }

    private static void collect(Element e, String path, Set<String> out) {
        out.add(path);
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                out.add(path + "/@" + a.getLocalName());
            }
        }
        for (Element child : Dom.children(e)) {
            collect(child, path + "/" + child.getLocalName(), out);
        }
    }
}
