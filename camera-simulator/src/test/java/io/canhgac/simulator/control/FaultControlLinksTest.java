package io.canhgac.simulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.link.LinkConditions;
import io.canhgac.simulator.link.LinkRelay;
import io.canhgac.simulator.link.LinkRelays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code /links} routes over HTTP, on links whose target is never dialled (no client connects). */
@Timeout(30)
class FaultControlLinksTest extends FaultControlTestBase {

    static CameraSimulator simulator;
    static LinkRelays links;
    static LinkRelay queLoc;
    static FaultControlServer control;

    @BeforeAll
    static void start() throws Exception {
        // the simulator wants a camera: the control tests' small one
        simulator = oneCamera("pass", false);
        links = new LinkRelays();
        InetSocketAddress centre = new InetSocketAddress("127.0.0.1", 9);
        queLoc = links.create("que-loc", centre);
        links.create("son-vien", centre);
        control = FaultControlServer.start(simulator, links, new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterAll
    static void stop() {
        if (control != null) {
            control.close();
        }
        links.close();
        if (simulator != null) {
            simulator.close();
        }
    }

    @AfterEach
    void perfectAgain() {
        queLoc.clear();
    }

    private static HttpResponse<String> call(String method, String path) throws Exception {
        return call(control, method, path);
    }

    private static JsonNode ok(String method, String path) throws Exception {
        HttpResponse<String> r = call(method, path);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void listsEveryLinkWithItsAddressConditionsAndFigures() throws Exception {
        JsonNode all = ok("GET", "/links");
        assertThat(all.findValuesAsText("name")).containsExactly("que-loc", "son-vien");
        JsonNode one = all.get(0);
        assertThat(one.get("address").asText()).isEqualTo("127.0.0.1:" + queLoc.address().getPort());
        assertThat(one.get("target").asText()).isEqualTo("127.0.0.1:9");
        assertThat(one.get("conditions").get("cut").asBoolean()).isFalse();
        assertThat(one.get("figures").get("connectionsAccepted").asLong()).isZero();
    }

    @Test
    void aCutOverHttpIsInForceAndShownUntilRestored() throws Exception {
        assertThat(ok("POST", "/links/que-loc/cut").get("conditions").get("cut").asBoolean()).isTrue();
        assertThat(queLoc.conditions().cut()).isTrue();
        assertThat(ok("GET", "/links/que-loc").get("conditions").get("cut").asBoolean()).isTrue();
        assertThat(ok("GET", "/links/son-vien").get("conditions").get("cut").asBoolean()).as("only that link").isFalse();

        assertThat(ok("POST", "/links/que-loc/restore").get("conditions").get("cut").asBoolean()).isFalse();
        assertThat(queLoc.conditions().cut()).isFalse();
    }

    @Test
    void ratesDelaysAndStallsAreSetInKbitsAndMilliseconds() throws Exception {
        ok("POST", "/links/que-loc/rate?kbits=256");
        assertThat(queLoc.conditions()).isEqualTo(LinkConditions.PERFECT.withRate(256_000, 256_000));
        JsonNode upOnly = ok("POST", "/links/que-loc/rate?up=64").get("conditions");
        assertThat(upOnly.get("upBitsPerSecond").asLong()).isEqualTo(64_000);
        assertThat(upOnly.get("downBitsPerSecond").asLong()).as("left as it was").isEqualTo(256_000);
        ok("POST", "/links/que-loc/rate?up=0&down=2000");
        ok("POST", "/links/que-loc/delay?ms=120&jitter=30");
        ok("POST", "/links/que-loc/stalls?every=5000&for=200");
        assertThat(queLoc.conditions()).isEqualTo(new LinkConditions(false, 0, 2_000_000, 120, 30, 5000, 200));

        ok("POST", "/links/que-loc/stalls?every=0&for=0");
        assertThat(ok("POST", "/links/que-loc/stall?ms=2000").get("stalled").asBoolean()).isTrue();
        JsonNode cleared = ok("POST", "/links/que-loc/clear");
        assertThat(cleared.get("stalled").asBoolean()).isFalse();
        assertThat(queLoc.conditions()).isEqualTo(LinkConditions.PERFECT);
        assertThat(ok("POST", "/links/que-loc/reset-counters").get("figures").get("bytesUp").asLong()).isZero();
    }

    @Test
    void anUnknownLinkIs404NamingTheKnownOnes() throws Exception {
        HttpResponse<String> r = call("POST", "/links/phuoc-ninh/cut");
        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("error").asText()).contains("no link 'phuoc-ninh'").contains("que-loc, son-vien");
        assertThat(body.get("known")).extracting(JsonNode::asText).containsExactly("que-loc", "son-vien");
        assertThat(call("GET", "/links/phuoc-ninh").statusCode()).isEqualTo(404);

        HttpResponse<String> unknownChange = call("POST", "/links/que-loc/explode");
        assertThat(unknownChange.statusCode()).isEqualTo(404);
        assertThat(unknownChange.body()).contains("unknown link change 'explode'").contains("stalls");
    }

    @Test
    void badNumbersAre400AndChangeNothing() throws Exception {
        assertBadRequest("/links/que-loc/rate?kbits=abc", "'kbits' must be a whole number of kbit/s");
        assertBadRequest("/links/que-loc/rate?kbits=1000001", "'kbits' must be 0..1000000 kbit/s, was 1000001");
        assertBadRequest("/links/que-loc/rate?down=-1", "'down' must be 0..1000000");
        assertBadRequest("/links/que-loc/rate", "give kbits=N");
        assertBadRequest("/links/que-loc/rate?kbits=10&up=5", "not both");
        assertBadRequest("/links/que-loc/delay?ms=60001", "'ms' must be 0..60000 ms");
        assertBadRequest("/links/que-loc/delay?jitter=5", "give 'ms'");
        assertBadRequest("/links/que-loc/delay?ms=1&ms=2", "once");
        assertBadRequest("/links/que-loc/stall?ms=600001", "'ms' must be 1..600000 ms");
        assertBadRequest("/links/que-loc/stalls?every=100&for=100", "shorter than its period");
        assertBadRequest("/links/que-loc/stalls?every=100", "give 'for'");
        assertThat(call("GET", "/links/que-loc/cut").statusCode()).isEqualTo(405);
        assertThat(call("POST", "/links").statusCode()).isEqualTo(404);
        assertThat(queLoc.conditions()).isEqualTo(LinkConditions.PERFECT);
        assertThat(queLoc.stalled()).isFalse();
    }

    @Test
    void aServerStartedWithoutLinksListsNone() throws Exception {
        try (FaultControlServer bare = FaultControlServer.start(simulator, new InetSocketAddress("127.0.0.1", 0))) {
            assertThat(json.readTree(call(bare, "GET", "/links").body())).isEmpty();
            HttpResponse<String> r = call(bare, "POST", "/links/que-loc/cut");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("known: none");
        }
    }

    private static void assertBadRequest(String path, String message) throws Exception {
        HttpResponse<String> r = call("POST", path);
        assertThat(r.statusCode()).as(path).isEqualTo(400);
        assertThat(json.readTree(r.body()).get("error").asText()).as(path).contains(message);
    }
}
