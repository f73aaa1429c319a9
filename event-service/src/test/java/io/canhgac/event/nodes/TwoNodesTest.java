package io.canhgac.event.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.event.AccountFixtures;
import io.canhgac.event.EventFixtures;
import io.canhgac.event.SseTestClient;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two event-service nodes on one PostgreSQL, as behind a load balancer: what one node stores or
 * ends reaches the browsers on the other. The last test kills node A mid-run ({@link NodeLoss}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

    static final String GIVEN = "tam-thoi-2026-Xy";
    static final String CHOSEN = "núi Hòn Tàu mùa mưa";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TwoNodes centre;

    @BeforeAll
    static void start() throws Exception {
        centre = TwoNodes.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (centre != null) {
            centre.close();
        }
    }

    @Test
    @Order(1)
    void anAlertStoredThroughOneNodeReachesTheStreamsOnTheOtherInTheirScope() {
        WebSession operator = WebSession.login(centre.a.base(), "operator", "operator-demo");
        WebSession queLoc = WebSession.login(centre.b.base(), "que-loc", "que-loc-demo");
        try (SseTestClient operatorOnB = operator.on(centre.b.base()).sse(FollowedStream.PATH);
             SseTestClient queLocOnB = queLoc.sse(FollowedStream.PATH)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> hello(operatorOnB) && hello(queLocOnB));
            UUID sonVien = UUID.randomUUID();
            UUID queLocCamera = UUID.randomUUID();
            EventFixtures.ingest(centre.a.base(), EventServiceNode.INGEST_TOKEN, motion(sonVien, "SV-01"), motion(queLocCamera, "QL-01"));

            await().atMost(Duration.ofSeconds(5)).until(() -> eventIds(operatorOnB, "alert").size() == 2
                    && eventIds(queLocOnB, "alert").size() == 1);
            assertThat(eventIds(operatorOnB, "alert")).containsExactly(sonVien.toString(), queLocCamera.toString());
            assertThat(eventIds(operatorOnB, "camera-event")).containsExactly(sonVien.toString(), queLocCamera.toString());
            assertThat(eventIds(queLocOnB, "alert")).as("another commune's alert stays there").containsExactly(queLocCamera.toString());
        }
    }

    @Test
    @Order(2)
    void aSessionMadeOnOneNodeWorksOnTheOtherAndItsLogoutThereEndsItsStreamHere() throws Exception {
        WebSession onA = WebSession.login(centre.a.base(), "technician", "technician-demo");
        WebSession onB = onA.on(centre.b.base());
        assertThat(onB.get("/api/me").body()).contains("\"username\":\"technician\"");
        try (SseTestClient streamOnA = onA.sse(FollowedStream.PATH)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> hello(streamOnA));
            assertThat(onB.send("POST", "/logout", null).statusCode()).isEqualTo(302);
            await().atMost(Duration.ofSeconds(3)).until(streamOnA::ended);
        }
        assertThat(onA.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void disablingAPersonOnOneNodeEndsTheirSessionsAndStreamsOnTheOther() {
        WebSession admin = WebSession.login(centre.a.base(), "admin", "admin-demo");
        AccountFixtures.create(admin, "truc-ban-2", "OPERATOR", null, GIVEN);
        WebSession onB = AccountFixtures.firstLogin(centre.b.base(), "truc-ban-2", GIVEN, CHOSEN);
        try (SseTestClient streamOnB = onB.sse(FollowedStream.PATH)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> hello(streamOnB));
            AccountFixtures.disable(admin, "truc-ban-2");
            await().atMost(Duration.ofSeconds(3)).until(streamOnB::ended);
        }
        assertThat(onB.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(onB.on(centre.a.base()).get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void aStreamReopenedWithLastEventIdOnTheOtherNodeGetsWhatItMissedOnce() {
        WebSession operator = WebSession.login(centre.b.base(), "operator", "operator-demo");
        UUID before = UUID.randomUUID();
        String last;
        try (SseTestClient first = operator.sse(FollowedStream.PATH)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> hello(first));
            EventFixtures.ingest(centre.b.base(), EventServiceNode.INGEST_TOKEN, motion(before, "QL-02"));
            await().atMost(Duration.ofSeconds(5)).until(() -> eventIds(first, "alert").size() == 1);
            last = first.lastEventId();
        }
        List<String> missed = new ArrayList<>();
        for (String camera : List.of("SV-01", "QL-01", "SV-02")) {
            UUID id = UUID.randomUUID();
            missed.add(id.toString());
            EventFixtures.ingest(centre.b.base(), EventServiceNode.INGEST_TOKEN, motion(id, camera));
        }
        try (SseTestClient again = operator.on(centre.a.base()).sse(FollowedStream.PATH, last)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> eventIds(again, "alert").size() >= 3);
            UUID live = UUID.randomUUID();
            EventFixtures.ingest(centre.a.base(), EventServiceNode.INGEST_TOKEN, motion(live, "QL-01"));
            await().atMost(Duration.ofSeconds(5)).until(() -> eventIds(again, "alert").size() >= 4);
            missed.add(live.toString());
            assertThat(eventIds(again, "alert")).as("the missed, then the live one; not the one seen before").containsExactlyElementsOf(missed);
            assertThat(eventIds(again, "camera-event")).containsExactlyElementsOf(missed);
        }
    }

    @Test
    @Order(5)
    void killingANodeMidRunLosesNoAlertForTheBrowsersThatReconnect() throws Exception {
        NodeLoss.Outcome outcome = new NodeLoss(centre, 20, 8, 20).run();
        System.out.println(outcome);
        assertThat(centre.a.alive()).isFalse();
        assertThat(outcome.raised()).isPositive();
        assertThat(outcome.reconnected()).as("the streams on the killed node came back on the other").isGreaterThanOrEqualTo(10);
        assertThat(outcome.missed()).as("alerts a browser never got").isZero();
        assertThat(outcome.duplicated()).as("alerts a browser got twice").isZero();
    }

    static String motion(UUID id, String camera) {
        return EventFixtures.event(id, camera, "MOTION_START", "2026-12-07T08:00:00Z", ",\"score\":0.4");
    }

    static boolean hello(SseTestClient stream) {
        return !stream.received("hello").isEmpty();
    }

    /** The event ids of the messages of this name, in order (an alert's event, an event's own id). */
    static List<String> eventIds(SseTestClient stream, String name) {
        return eventIds(stream.received(name), name);
    }

    static List<String> eventIds(List<SseTestClient.Received> messages, String name) {
        return messages.stream().map(m -> read(m.data()).get(name.equals("alert") ? "eventId" : "id").asText()).toList();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
