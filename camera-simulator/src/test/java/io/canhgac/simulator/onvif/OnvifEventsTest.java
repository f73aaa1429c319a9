package io.canhgac.simulator.onvif;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Pull-point subscriptions end to end: motion and tamper raised by the simulator reach a polling client. */
@Timeout(60)
class OnvifEventsTest {

    private static final String MOTION = "tns1:RuleEngine/CellMotionDetector/Motion";
    private static final String TAMPER = "tns1:VideoSource/GlobalSceneChange/ImagingService";

    private EventLoopGroup group;
    private OnvifDevice device;
    private OnvifDeviceServer server;
    private OnvifSoapClient client;

    @BeforeEach
    void start() throws Exception {
        group = new NioEventLoopGroup(2);
        device = TestDevices.device();
        server = new OnvifDeviceServer(group, new InetSocketAddress("127.0.0.1", 0), device);
        server.start();
        client = new OnvifSoapClient("http://127.0.0.1:" + server.address().getPort(), TestDevices.USER, TestDevices.PASSWORD);
    }

    @AfterEach
    void stop() {
        server.stop();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aSubscriptionHasAnAddressAndATerminationTime() throws Exception {
        OnvifSoapClient.Reply r = client.call("/onvif/events_service",
                "<tev:CreatePullPointSubscription><tev:InitialTerminationTime>PT10S</tev:InitialTerminationTime></tev:CreatePullPointSubscription>");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("//tev:SubscriptionReference/wsa:Address"))
                .startsWith("http://127.0.0.1:" + server.address().getPort() + ServiceAddresses.SUBSCRIPTION_PREFIX);
        Instant current = Instant.parse(r.text("//wsnt:CurrentTime"));
        Instant termination = Instant.parse(r.text("//wsnt:TerminationTime"));
        assertThat(Duration.between(current, termination).toSeconds()).isBetween(9L, 10L);
    }

    @Test
    void aNewSubscriptionIsToldTheCurrentStateThenEachChange() throws Exception {
        device.events().tamper(true);
        String address = subscribe();
        OnvifSoapClient.Reply first = pull(address, "PT1S", 10);
        assertThat(first.texts("//wsnt:NotificationMessage/wsnt:Topic")).containsExactlyInAnyOrder(MOTION, TAMPER);
        assertThat(first.texts("//tt:Message/@PropertyOperation")).containsOnly("Initialized");
        assertThat(value(first, MOTION, "IsMotion")).isEqualTo("false");
        assertThat(value(first, TAMPER, "State")).isEqualTo("true");
        // The topic's prefix resolves to ONVIF's topic namespace in the reply itself.
        Element topic = (Element) first.doc().getElementsByTagNameNS(Ns.WSNT.uri(), "Topic").item(0);
        assertThat(topic.lookupNamespaceURI("tns1")).isEqualTo(Ns.TNS1.uri());
        assertThat(topic.getAttribute("Dialect")).isEqualTo(EventService.TOPIC_DIALECT);

        // A long poll returns as soon as motion starts, well before its timeout.
        long started = System.nanoTime();
        CompletableFuture<OnvifSoapClient.Reply> waiting = CompletableFuture.supplyAsync(() -> pullUnchecked(address, "PT20S", 10));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        device.events().motion(true);
        OnvifSoapClient.Reply motion = waiting.get(10, TimeUnit.SECONDS);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMillis).isBetween(300L, 5_000L);
        assertThat(motion.texts("//wsnt:NotificationMessage/wsnt:Topic")).containsExactly(MOTION);
        assertThat(motion.text("//tt:Message/@PropertyOperation")).isEqualTo("Changed");
        assertThat(value(motion, MOTION, "IsMotion")).isEqualTo("true");
        assertThat(motion.text("//tt:Source/tt:SimpleItem[@Name='VideoSourceConfigurationToken']/@Value"))
                .isEqualTo(MediaService.VIDEO_SOURCE_CONFIGURATION);

        device.events().motion(true); // no change, no event
        device.events().motion(false);
        device.events().tamper(false);
        OnvifSoapClient.Reply changes = pull(address, "PT1S", 10);
        assertThat(changes.texts("//wsnt:NotificationMessage/wsnt:Topic")).containsExactly(MOTION, TAMPER);
        assertThat(value(changes, MOTION, "IsMotion")).isEqualTo("false");
        assertThat(value(changes, TAMPER, "State")).isEqualTo("false");
        assertThat(changes.text("//wsnt:NotificationMessage[wsnt:Topic='" + TAMPER + "']//tt:Source/tt:SimpleItem[@Name='Source']/@Value"))
                .isEqualTo(MediaService.VIDEO_SOURCE);
    }

    @Test
    void anIdlePollWaitsItsTimeoutAndMessageLimitIsHonoured() throws Exception {
        String address = subscribe();
        pull(address, "PT0S", 10); // drain the initial states
        long started = System.nanoTime();
        OnvifSoapClient.Reply empty = pull(address, "PT1S", 10);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(900);
        assertThat(empty.count("//wsnt:NotificationMessage")).isZero();
        assertThat(empty.text("//tev:TerminationTime")).isNotEmpty();

        for (int i = 0; i < 5; i++) {
            device.events().motion(i % 2 == 0);
        }
        assertThat(pull(address, "PT1S", 3).count("//wsnt:NotificationMessage")).isEqualTo(3);
        assertThat(pull(address, "PT1S", 3).count("//wsnt:NotificationMessage")).isEqualTo(2);
    }

    @Test
    void pullMessagesMayNameThePullPointInWsaTo() throws Exception {
        String address = subscribe();
        OnvifSoapClient.Reply r = client.call("/onvif/events_service", "<wsa:To>" + address + "</wsa:To>",
                "<tev:PullMessages><tev:Timeout>PT1S</tev:Timeout><tev:MessageLimit>5</tev:MessageLimit></tev:PullMessages>");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.count("//wsnt:NotificationMessage")).isEqualTo(2);
    }

    @Test
    void renewExtendsUnsubscribeEndsAndUnknownOrExpiredPullPointsFault() throws Exception {
        String address = subscribe();
        OnvifSoapClient.Reply renewed = client.call(address, "<wsnt:Renew><wsnt:TerminationTime>PT120S</wsnt:TerminationTime></wsnt:Renew>");
        Instant termination = Instant.parse(renewed.text("//wsnt:RenewResponse/wsnt:TerminationTime"));
        Instant current = Instant.parse(renewed.text("//wsnt:RenewResponse/wsnt:CurrentTime"));
        assertThat(Duration.between(current, termination).toSeconds()).isBetween(119L, 120L);

        assertThat(client.call(address, "<wsnt:Unsubscribe/>").count("//wsnt:UnsubscribeResponse")).isEqualTo(1);
        assertResourceUnknown(pull(address, "PT1S", 1));
        assertResourceUnknown(pull(address.replaceAll("[0-9a-f]+$", "0000"), "PT1S", 1));

        OnvifSoapClient.Reply shortLived = client.call("/onvif/events_service",
                "<tev:CreatePullPointSubscription><tev:InitialTerminationTime>PT1S</tev:InitialTerminationTime></tev:CreatePullPointSubscription>");
        String expiring = shortLived.text("//tev:SubscriptionReference/wsa:Address");
        Thread.sleep(1_300);
        assertResourceUnknown(pull(expiring, "PT0S", 1));
    }

    @Test
    void subscriptionsAreBoundedPerDevice() throws Exception {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < PullPointSubscriptions.MAX_SUBSCRIPTIONS; i++) {
            addresses.add(subscribe());
        }
        OnvifSoapClient.Reply refused = client.call("/onvif/events_service", "<tev:CreatePullPointSubscription/>");
        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.faultCode()).isEqualTo("env:Receiver");
        assertThat(refused.count("//env:Detail/wsnt:SubscribeCreationFailedFault")).isEqualTo(1);

        client.call(addresses.get(0), "<wsnt:Unsubscribe/>");
        assertThat(subscribe()).isNotIn(addresses);
    }

    @Test
    void aRestartForgetsSubscriptionsAsARebootDoes() throws Exception {
        String address = subscribe();
        server.stop();
        server.start();
        assertResourceUnknown(pull(address, "PT0S", 1));
    }

    private String subscribe() throws Exception {
        OnvifSoapClient.Reply r = client.call("/onvif/events_service", "<tev:CreatePullPointSubscription/>");
        assertThat(r.status()).isEqualTo(200);
        return r.text("//tev:SubscriptionReference/wsa:Address");
    }

    private OnvifSoapClient.Reply pull(String address, String timeout, int limit) throws Exception {
        return client.call(address, "<tev:PullMessages><tev:Timeout>" + timeout + "</tev:Timeout><tev:MessageLimit>"
                + limit + "</tev:MessageLimit></tev:PullMessages>");
    }

    private OnvifSoapClient.Reply pullUnchecked(String address, String timeout, int limit) {
        try {
            return pull(address, timeout, limit);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(OnvifSoapClient.Reply r, String topic, String item) throws Exception {
        return r.text("//wsnt:NotificationMessage[wsnt:Topic='" + topic + "']//tt:Data/tt:SimpleItem[@Name='" + item + "']/@Value");
    }

    private static void assertResourceUnknown(OnvifSoapClient.Reply r) throws Exception {
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.faultCode()).isEqualTo("env:Sender");
        assertThat(r.count("//env:Detail/wsrf-r:ResourceUnknownFault")).isEqualTo(1);
    }
}
