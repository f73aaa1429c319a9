package io.canhgac.gateway.onvif.events;

import io.canhgac.gateway.onvif.FakeCamera;
import io.canhgac.gateway.onvif.FakeCamera.Reply;
import io.canhgac.gateway.onvif.OnvifCaptureTest;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifFailure;
import io.canhgac.gateway.onvif.OnvifOperation;
import io.canhgac.gateway.onvif.ReferenceParameter;
import io.canhgac.gateway.onvif.SoapClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A pull-point subscription's whole life against a loopback camera; always runs. */
class OnvifEventsClientTest {

    private static final String WSA = "http://www.w3.org/2005/08/addressing";
    private static final String RENEW_RESPONSE = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" "
            + "xmlns:wsnt=\"http://docs.oasis-open.org/wsn/b-2\"><env:Body><wsnt:RenewResponse>"
            + "<wsnt:TerminationTime>2024-05-01T11:32:10Z</wsnt:TerminationTime><wsnt:CurrentTime>2024-05-01T11:31:10Z</wsnt:CurrentTime>"
            + "</wsnt:RenewResponse></env:Body></env:Envelope>";
    private static final String UNSUBSCRIBE_RESPONSE = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" "
            + "xmlns:wsnt=\"http://docs.oasis-open.org/wsn/b-2\"><env:Body><wsnt:UnsubscribeResponse/></env:Body></env:Envelope>";

    private FakeCamera camera;

    @BeforeEach
    void start() throws Exception {
        camera = new FakeCamera();
    }

    @AfterEach
    void stop() {
        camera.close();
    }

    private OnvifEventsClient client(Duration timeout) {
        return new OnvifEventsClient(new SoapClient(OnvifClientSettings.DEFAULTS.withTimeout(timeout),
                new OnvifCredentials("admin", "admin")), camera.uri("/onvif/events"));
    }

    @Test
    void createPullRenewUnsubscribe() throws Exception {
        camera.reply(OnvifOperation.CREATE_PULL_POINT_SUBSCRIPTION,
                Reply.soap(camera.local(OnvifCaptureTest.fixture("CreatePullPointSubscription.Response.xml"))));
        camera.reply(OnvifOperation.PULL_MESSAGES, Reply.soap(OnvifCaptureTest.fixture("PullMessages.Response.xml")));
        camera.reply(OnvifOperation.RENEW, Reply.soap(RENEW_RESPONSE.getBytes(StandardCharsets.UTF_8)));
        camera.reply(OnvifOperation.UNSUBSCRIBE, Reply.soap(UNSUBSCRIBE_RESPONSE.getBytes(StandardCharsets.UTF_8)));
        OnvifEventsClient events = client(Duration.ofSeconds(3));

        PullPointSubscription s = events.createPullPointSubscription(Duration.ofSeconds(60));
        assertThat(s).isEqualTo(new PullPointSubscription(camera.uri("/onvif/events/pull"),
                List.of(new ReferenceParameter("urn:canhgac:test", "cg:SubscriptionId", "42")),
                Instant.parse("2024-05-01T11:30:05Z"), Instant.parse("2024-05-01T11:31:05Z")));
        FakeCamera.Request create = camera.lastRequest();
        assertThat(create.path()).isEqualTo("/onvif/events");
        assertThat(header(create, WSA, "Action").getTextContent())
                .isEqualTo("http://www.onvif.org/ver10/events/wsdl/EventPortType/CreatePullPointSubscriptionRequest");
        assertThat(text(create.bodyElement(), "InitialTerminationTime")).isEqualTo("PT1M");

        EventBatch batch = events.pullMessages(s, Duration.ofSeconds(2), 10);
        assertThat(batch.messages()).hasSize(1);
        assertThat(batch.messages().get(0).dataValue("IsMotion")).hasValue("true");
        FakeCamera.Request pull = camera.lastRequest();
        assertThat(pull.path()).isEqualTo("/onvif/events/pull");
        assertThat(header(pull, WSA, "To").getTextContent()).isEqualTo(s.address().toString());
        Element id = header(pull, "urn:canhgac:test", "SubscriptionId");
        assertThat(id.getTextContent()).isEqualTo("42");
        assertThat(id.getAttributeNS(WSA, "IsReferenceParameter")).isEqualTo("true");
        assertThat(text(pull.bodyElement(), "Timeout")).isEqualTo("PT2S");
        assertThat(text(pull.bodyElement(), "MessageLimit")).isEqualTo("10");

        PullPointSubscription renewed = events.renew(s, Duration.ofMinutes(1));
        assertThat(renewed.terminationTime()).isEqualTo(Instant.parse("2024-05-01T11:32:10Z"));
        assertThat(renewed.currentTime()).isEqualTo(Instant.parse("2024-05-01T11:31:10Z"));
        assertThat(renewed.address()).isEqualTo(s.address());
        FakeCamera.Request renew = camera.lastRequest();
        assertThat(header(renew, WSA, "Action").getTextContent())
                .isEqualTo("http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/RenewRequest");
        assertThat(renew.bodyElement().getNamespaceURI()).isEqualTo("http://docs.oasis-open.org/wsn/b-2");
        assertThat(text(renew.bodyElement(), "TerminationTime")).isEqualTo("PT1M");
        assertThat(header(renew, "urn:canhgac:test", "SubscriptionId").getTextContent()).isEqualTo("42");

        events.unsubscribe(renewed);
        FakeCamera.Request unsubscribe = camera.lastRequest();
        assertThat(unsubscribe.bodyElement().getLocalName()).isEqualTo("Unsubscribe");
        assertThat(header(unsubscribe, WSA, "Action").getTextContent())
                .isEqualTo("http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/UnsubscribeRequest");
        assertThat(camera.requests()).hasSize(4);
    }

    @Test
    void pullMayOutlastTheCallTimeoutByItsWait() throws Exception {
        byte[] answer = OnvifCaptureTest.fixture("PullMessages.Response.xml");
        camera.handle(OnvifOperation.PULL_MESSAGES, request -> {
            sleep(700); // a camera holds the long poll until events come or the wait ends
            return Reply.soap(answer);
        });
        PullPointSubscription s = new PullPointSubscription(camera.uri("/pull"), List.of(), Instant.EPOCH, Instant.EPOCH.plusSeconds(60));
        EventBatch batch = client(Duration.ofMillis(300)).pullMessages(s, Duration.ofSeconds(2), 5);
        assertThat(batch.messages()).hasSize(1);
    }

    @Test
    void pullBeyondWaitAndTimeoutIsATimeout() {
        camera.handle(OnvifOperation.PULL_MESSAGES, request -> {
            sleep(3000);
            return null;
        });
        PullPointSubscription s = new PullPointSubscription(camera.uri("/pull"), List.of(), Instant.EPOCH, Instant.EPOCH.plusSeconds(60));
        long start = System.nanoTime();
        OnvifException e = catchThrowableOfType(() -> client(Duration.ofMillis(300)).pullMessages(s, Duration.ofMillis(200), 5),
                OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.TIMEOUT);
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(450L, 2500L);
    }

    @Test
    void durationsMustBePositive() {
        OnvifEventsClient events = client(Duration.ofSeconds(1));
        assertThatThrownBy(() -> events.createPullPointSubscription(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        PullPointSubscription s = new PullPointSubscription(camera.uri("/pull"), List.of(), Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
        assertThatThrownBy(() -> events.pullMessages(s, Duration.ofSeconds(-1), 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> events.pullMessages(s, Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(camera.requests()).isEmpty();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String text(Element parent, String localName) {
        return parent.getElementsByTagNameNS("*", localName).item(0).getTextContent();
    }

    private static Element header(FakeCamera.Request request, String namespace, String localName) {
        var found = request.envelope().getElementsByTagNameNS(namespace, localName);
        assertThat(found.getLength()).as("header %s", localName).isEqualTo(1);
        Element element = (Element) found.item(0);
        assertThat(element.getParentNode().getLocalName()).isEqualTo("Header");
        return element;
    }
}
