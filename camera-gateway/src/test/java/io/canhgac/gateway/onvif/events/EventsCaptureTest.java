package io.canhgac.gateway.onvif.events;

import io.canhgac.gateway.onvif.Capture;
import io.canhgac.gateway.onvif.Captures;
import io.canhgac.gateway.onvif.FakeCamera;
import io.canhgac.gateway.onvif.OnvifCaptureTest;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifFailure;
import io.canhgac.gateway.onvif.OnvifOperation;
import io.canhgac.gateway.onvif.ReferenceParameter;
import io.canhgac.gateway.onvif.SoapClient;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Pull-point answers of the Axis, Hikvision and Pelco cameras, value by value. */
class EventsCaptureTest extends OnvifCaptureTest {

    private static final String WSA = "http://www.w3.org/2005/08/addressing";

    // ---- CreatePullPointSubscription --------------------------------------------------------

    private PullPointSubscription subscribe(String path) throws OnvifException {
        SoapClient soap = replay(OnvifOperation.CREATE_PULL_POINT_SUBSCRIPTION, path, 200);
        PullPointSubscription s = new OnvifEventsClient(soap, camera().uri("/onvif/events"))
                .createPullPointSubscription(Duration.ofMinutes(1));
        // unlike the reference client we ask for a lifetime, so the renew cadence is ours
        assertThat(camera().lastRequest().bodyText()).contains("<tev:InitialTerminationTime>PT1M</tev:InitialTerminationTime>");
        return verify(s);
    }

    @Test
    @Capture("axis/events/CreatePullPointSubscription.Response.xml")
    void axisSubscription() throws Exception {
        PullPointSubscription s = subscribe("axis/events/CreatePullPointSubscription.Response.xml");
        assertThat(s).isEqualTo(new PullPointSubscription(uri("http://192.168.0.19/onvif/services"),
                List.of(new ReferenceParameter("http://www.axis.com/2009/event", "dom0:SubscriptionId", "5")),
                Instant.parse("2018-02-27T23:10:30Z"), Instant.parse("2018-03-27T23:10:30Z")));
        assertThat(s.lifetime()).as("asked without a lifetime, Axis keeps it 28 days").isEqualTo(Duration.ofDays(28));
    }

    @Test
    @Capture("hikvision/events/CreatePullPointSubscription.Response.xml")
    void hikvisionSubscription() throws Exception {
        PullPointSubscription s = subscribe("hikvision/events/CreatePullPointSubscription.Response.xml");
        assertThat(s).isEqualTo(new PullPointSubscription(
                uri("http://10.10.1.60/onvif/Events/PullSubManager_2018-02-27T18:28:52Z_5"), List.of(),
                Instant.parse("2018-02-27T18:28:52Z"), Instant.parse("2018-02-27T18:29:52Z")));
    }

    @Test
    @Capture("pelco/events/CreatePullPointSubscription.Response.xml")
    void pelcoSubscription() throws Exception {
        PullPointSubscription s = subscribe("pelco/events/CreatePullPointSubscription.Response.xml");
        assertThat(s.address()).isEqualTo(uri("http://10.10.1.66/onvif/eventing_service?id=urn:uuid:90c6d153-d40a-ce00-565f-26bed81b5b83"));
        assertThat(s.referenceParameters()).containsExactly(new ReferenceParameter("urn:schemas-pelco-com:ws:addressing:1",
                "pwsa:SubscriptionId", "urn:uuid:90c6d153-d40a-ce00-565f-26bed81b5b83"));
        assertThat(s.currentTime()).isEqualTo(Instant.parse("2018-02-27T18:27:56.067761Z"));
        assertThat(s.terminationTime()).isEqualTo(Instant.parse("2018-02-27T18:29:26.067761Z"));
        assertThat(s.lifetime()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    @Capture("axis/events/CreatePullPointSubscription.Error.xml")
    void axisSubscriptionRefusedIsADeviceFault() throws Exception {
        assertFault(fault("axis/events/CreatePullPointSubscription.Error.xml"), OnvifFailure.DEVICE_FAULT,
                "SOAP-ENV:Receiver", List.of(), "");
        SoapClient soap = replay(OnvifOperation.CREATE_PULL_POINT_SUBSCRIPTION, "axis/events/CreatePullPointSubscription.Error.xml", 500);
        OnvifException e = catchThrowableOfType(() -> new OnvifEventsClient(soap, camera().uri("/onvif/services"))
                .createPullPointSubscription(Duration.ofMinutes(1)), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.DEVICE_FAULT);
        assertThat(e.fault()).hasValueSatisfying(f -> assertThat(f.detail()).isEqualTo("SubscribeCreationFailedFault"));
        assertThat(e.getMessage()).contains("CreatePullPointSubscription", "SubscribeCreationFailedFault");
    }

    // ---- PullMessages -----------------------------------------------------------------------

    /** The captured subscription, moved to the loopback camera: tests never leave 127.0.0.1. */
    private PullPointSubscription loopback(String path, List<ReferenceParameter> parameters) {
        URI address = camera().uri(path);
        return new PullPointSubscription(address, parameters, Instant.EPOCH, Instant.EPOCH.plusSeconds(60));
    }

    private EventBatch pull(String responsePath, PullPointSubscription subscription) throws OnvifException {
        SoapClient soap = replay(OnvifOperation.PULL_MESSAGES, responsePath, 200);
        EventBatch batch = new OnvifEventsClient(soap, camera().uri("/onvif/events"))
                .pullMessages(subscription, Duration.ofMinutes(1), 99);
        assertRequestLikeCaptured(responsePath);
        return verify(batch);
    }

    @Test
    @Capture("hikvision/events/PullMessages.Response.xml")
    void hikvisionPullWithoutEvents() throws Exception {
        PullPointSubscription s = loopback("/onvif/Events/PullSubManager_2018-02-27T18:28:52Z_5", List.of());
        EventBatch batch = pull("hikvision/events/PullMessages.Response.xml", s);
        assertThat(batch).isEqualTo(new EventBatch(Instant.parse("2018-02-27T14:53:23Z"), Instant.parse("2018-02-27T15:03:23Z"), List.of()));
        FakeCamera.Request request = camera().lastRequest();
        assertThat(request.path()).isEqualTo("/onvif/Events/PullSubManager_2018-02-27T18:28:52Z_5");
        assertThat(header(request, WSA, "To").getTextContent()).isEqualTo(s.address().toString());
        assertThat(header(request, WSA, "Action").getTextContent())
                .isEqualTo("http://www.onvif.org/ver10/events/wsdl/PullPointSubscription/PullMessagesRequest");
    }

    @Test
    @Capture("pelco/events/PullMessages.Response.xml")
    void pelcoPullWithStateEvents() throws Exception {
        PullPointSubscription s = loopback("/onvif/eventing_service?id=urn:uuid:90c6d153-d40a-ce00-565f-26bed81b5b83",
                List.of(new ReferenceParameter("urn:schemas-pelco-com:ws:addressing:1", "pwsa:SubscriptionId",
                        "urn:uuid:90c6d153-d40a-ce00-565f-26bed81b5b83")));
        EventBatch batch = pull("pelco/events/PullMessages.Response.xml", s);
        assertThat(batch.currentTime()).isEqualTo(Instant.parse("2018-02-27T18:27:56.135641Z"));
        assertThat(batch.terminationTime()).isEqualTo(Instant.parse("2018-02-27T18:29:26.135423Z"));
        List<EventMessage> m = batch.messages();
        assertThat(m).extracting(EventMessage::topic).containsExactly(
                "tns1:Monitoring/ProcessorUsage",
                "tns1:Monitoring/LinkStatus",
                "tns1:Monitoring/OperatingTime/LastReboot",
                "tns1:Monitoring/OperatingTime/LastReset",
                "tns1:Monitoring/OperatingTime/LastClockSynchronization",
                "tns1:RuleEngine/CellMotionDetector/Motion",
                "tns1:RecordingHistory/Recording/State",
                "tns1:RecordingHistory/Track/State",
                "tns1:RecordingHistory/Track/State",
                "tns1:RecordingHistory/Track/State");
        assertThat(m).allSatisfy(e -> assertThat(e.operation()).isEqualTo(PropertyOperation.INITIALIZED));

        assertThat(m.get(0)).isEqualTo(new EventMessage("tns1:Monitoring/ProcessorUsage", Instant.parse("2018-02-27T18:27:56.070891Z"),
                PropertyOperation.INITIALIZED, List.of(new EventItem("Token", "cpu")), List.of(new EventItem("Value", "0.44"))));
        assertThat(m.get(1).sourceValue("Token")).hasValue("eth0");
        assertThat(m.get(1).data()).as("LinkStatus carries only an ElementItem, which is not kept").isEmpty();
        assertThat(m.get(2).source()).isEmpty();
        assertThat(m.get(2).dataValue("Status")).hasValue("2018-02-24T16:27:48Z");
        assertThat(m.get(3).dataValue("Status")).hasValue("1970-01-01T00:00:18Z");
        assertThat(m.get(4).dataValue("Status")).hasValue("2018-02-27T17:05:11Z");

        EventMessage motion = m.get(5);
        assertThat(motion.topicPath()).isEqualTo("RuleEngine/CellMotionDetector/Motion");
        assertThat(motion.utcTime()).isEqualTo(Instant.parse("2018-02-27T18:27:56.071810Z"));
        assertThat(motion.data()).containsExactly(new EventItem("Value", "True"));

        assertThat(m.get(6).sourceValue("RecordingToken")).hasValue("0");
        assertThat(m.get(6).dataValue("IsRecording")).hasValue("false");
        assertThat(m.subList(7, 10)).extracting(e -> e.sourceValue("Track").orElseThrow())
                .containsExactly("VIDEO001", "AUDIO001", "META001");
        assertThat(m.subList(7, 10)).allSatisfy(e -> assertThat(e.dataValue("IsDataPresent")).hasValue("false"));
        assertThat(m.get(9).utcTime()).isEqualTo(Instant.parse("2018-02-27T18:27:56.074147Z"));

        // the Pelco subscription is named by its reference parameter, echoed as a header
        Element id = header(camera().lastRequest(), "urn:schemas-pelco-com:ws:addressing:1", "SubscriptionId");
        assertThat(id.getTextContent()).isEqualTo("urn:uuid:90c6d153-d40a-ce00-565f-26bed81b5b83");
        assertThat(id.getAttributeNS(WSA, "IsReferenceParameter")).isEqualTo("true");
    }

    @Test
    @Captures({
            @Capture("axis/events/CreatePullPointSubscription.Response.xml"),
            @Capture("axis/events/PullMessages.Error.xml")})
    void axisPullRefusedIsAnInvalidArgument() throws Exception {
        assertFault(fault("axis/events/PullMessages.Error.xml"), OnvifFailure.INVALID_ARGUMENT,
                "SOAP-ENV:Sender", List.of("ter:InvalidArgs"), "");
        PullPointSubscription created = subscribe("axis/events/CreatePullPointSubscription.Response.xml");
        PullPointSubscription s = loopback("/onvif/services", created.referenceParameters());
        SoapClient soap = replay(OnvifOperation.PULL_MESSAGES, "axis/events/PullMessages.Error.xml", 400);
        OnvifException e = catchThrowableOfType(() -> new OnvifEventsClient(soap, camera().uri("/onvif/services"))
                .pullMessages(s, Duration.ofMinutes(1), 99), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.INVALID_ARGUMENT);
        assertThat(e.fault()).hasValueSatisfying(f -> assertThat(f.subcodes()).containsExactly("ter:InvalidArgs"));
        assertRequestLikeCaptured("axis/events/PullMessages.Error.xml");
        // Axis serves every subscription at /onvif/services: only the echoed id tells them apart
        assertThat(header(camera().lastRequest(), "http://www.axis.com/2009/event", "SubscriptionId").getTextContent()).isEqualTo("5");
    }

    @Test
    @Capture("pelco/events/PullMessages.Error.xml")
    void pelcoPullRefusedIsADeviceFault() throws Exception {
        assertFault(fault("pelco/events/PullMessages.Error.xml"), OnvifFailure.DEVICE_FAULT, "SOAP-ENV:Sender", List.of(),
                "Validation constraint violation: namespace error in element <PullMessages>");
        SoapClient soap = replay(OnvifOperation.PULL_MESSAGES, "pelco/events/PullMessages.Error.xml", 400);
        OnvifException e = catchThrowableOfType(() -> new OnvifEventsClient(soap, camera().uri("/onvif/events"))
                .pullMessages(loopback("/onvif/eventing_service", List.of()), Duration.ofSeconds(5), 10), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.DEVICE_FAULT);
        assertThat(e.getMessage()).contains("PullMessages", "namespace error in element <PullMessages>");
    }

    @Test
    void ownFixtureMotionEvent() throws Exception {
        EventBatch batch = verify(PullMessagesParser.parse(fixtureResponse("PullMessages.Response.xml")));
        assertThat(batch.messages()).containsExactly(new EventMessage("tns1:RuleEngine/CellMotionDetector/Motion",
                Instant.parse("2024-05-01T11:30:09.250Z"), PropertyOperation.CHANGED,
                List.of(new EventItem("VideoSourceConfigurationToken", "vsc"), new EventItem("Rule", "MyMotionDetectorRule")),
                List.of(new EventItem("IsMotion", "true"))));
        assertThat(batch.messages().get(0).dataValue("IsMotion")).hasValue("true");
    }

    private static Element header(FakeCamera.Request request, String namespace, String localName) {
        var found = request.envelope().getElementsByTagNameNS(namespace, localName);
        assertThat(found.getLength()).as("header %s in the request", localName).isEqualTo(1);
        Element element = (Element) found.item(0);
        assertThat(element.getParentNode().getLocalName()).isEqualTo("Header");
        return element;
    }
}
