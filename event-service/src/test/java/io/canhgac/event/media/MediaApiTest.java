package io.canhgac.event.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Media upload (hash check, idempotency, event first), storage layout, and reading within one's communes. */
class MediaApiTest extends MediaApiFixture {

    @Test
    void storedUnderCameraAndDistrictDayThenListedAndServed() throws Exception {
        UUID event = storeEvent(camera.id());
        UUID snapshot = UUID.randomUUID();
        byte[] jpeg = content(20_000, 1);
        HttpResponse<String> r = upload(snapshot, event, camera.id(), "SNAPSHOT", "image/jpeg", jpeg, sha256(jpeg));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json.readTree(r.body()).get("outcome").asText()).isEqualTo("STORED");

        // 23:30 UTC on the 21st is the 22nd in Asia/Ho_Chi_Minh: the folder is the district's day
        Path file = MEDIA_DIR.resolve(camera.id()).resolve("2026-11-22").resolve(snapshot + ".jpg");
        assertThat(file).exists().hasBinaryContent(jpeg);
        assertThat(jdbc.queryForObject("SELECT path FROM event_media WHERE id = ?", String.class, snapshot))
                .isEqualTo(camera.id() + "/2026-11-22/" + snapshot + ".jpg");

        WebSession operator = WebSession.login(base, "operator", "operator-demo");
        JsonNode list = json.readTree(operator.get("/api/events/" + event + "/media").body());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("kind").asText()).isEqualTo("SNAPSHOT");
        assertThat(list.get(0).get("sizeBytes").asLong()).isEqualTo(jpeg.length);
        assertThat(list.get(0).get("sha256").asText()).isEqualTo(sha256(jpeg));
        assertThat(list.get(0).get("url").asText()).isEqualTo("/api/media/" + snapshot);

        HttpResponse<byte[]> served = operator.getBytes("/api/media/" + snapshot);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(served.body()).isEqualTo(jpeg);

        // the alert desk's card asks for the event's snapshot: a redirect to it, 404 for an event without one
        HttpResponse<String> redirect = operator.get("/api/events/" + event + "/snapshot");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/media/" + snapshot));
        assertThat(operator.get("/api/events/" + storeEvent(camera.id()) + "/snapshot").statusCode()).isEqualTo(404);
    }

    @Test
    void clipsAreServedInRangesForSeeking() throws Exception {
        UUID event = storeEvent(camera.id());
        UUID clip = UUID.randomUUID();
        byte[] mp4 = content(100_000, 2);
        assertThat(upload(clip, event, camera.id(), "CLIP", "video/mp4", mp4, sha256(mp4)).statusCode()).isEqualTo(201);

        HttpResponse<byte[]> part = WebSession.login(base, "admin", "admin-demo")
                .getBytes("/api/media/" + clip, "Range", "bytes=1000-1999");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/100000");
        assertThat(part.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(mp4, 1000, 2000));
    }

    @Test
    void aWrongHashIsRefusedWithA422AndNothingIsKept() throws Exception {
        UUID event = storeEvent(camera.id());
        byte[] jpeg = content(5_000, 3);
        byte[] corrupted = jpeg.clone();
        corrupted[100] ^= 1;
        UUID id = UUID.randomUUID();
        HttpResponse<String> r = upload(id, event, camera.id(), "SNAPSHOT", "image/jpeg", corrupted, sha256(jpeg));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json.readTree(r.body()).get("detail").asText()).contains("sha256 mismatch").contains(sha256(corrupted));
        assertThat(rows()).isZero();
        try (var files = Files.walk(MEDIA_DIR)) {
            assertThat(files.filter(Files::isRegularFile).filter(p -> p.toString().contains(id.toString()) || p.toString().endsWith(".part")))
                    .as("no stored or half-written file").isEmpty();
        }
        // malformed hash and wrong content type are refused before reading anything
        assertThat(upload(id, event, camera.id(), "SNAPSHOT", "image/jpeg", jpeg, "abc").statusCode()).isEqualTo(400);
        assertThat(upload(id, event, camera.id(), "SNAPSHOT", "video/mp4", jpeg, sha256(jpeg)).statusCode()).isEqualTo(415);
        assertThat(upload(id, event, camera.id(), "CLIP", "video/mp4", content(1_100_000, 4), sha256(jpeg)).statusCode())
                .as("over the configured 1MB").isEqualTo(413);
        assertThat(rows()).isZero();
    }

    @Test
    void aRepeatedUploadIsIdempotentAndOtherContentUnderTheSameIdIsRefused() throws Exception {
        UUID event = storeEvent(camera.id());
        UUID id = UUID.randomUUID();
        byte[] jpeg = content(5_000, 5);
        assertThat(upload(id, event, camera.id(), "SNAPSHOT", "image/jpeg", jpeg, sha256(jpeg)).statusCode()).isEqualTo(201);
        HttpResponse<String> again = upload(id, event, camera.id(), "SNAPSHOT", "image/jpeg", jpeg, sha256(jpeg));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("outcome").asText()).isEqualTo("DUPLICATE");
        byte[] other = content(5_000, 6);
        assertThat(upload(id, event, camera.id(), "SNAPSHOT", "image/jpeg", other, sha256(other)).statusCode()).isEqualTo(422);
        assertThat(rows()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT sha256 FROM event_media", String.class)).isEqualTo(sha256(jpeg));
    }

    @Test
    void mediaBeforeItsEventIsAConflictToRetryAndItsCameraMustBeTheEventsCamera() throws Exception {
        UUID event = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        byte[] jpeg = content(5_000, 7);
        HttpResponse<String> early = upload(id, event, camera.id(), "SNAPSHOT", "image/jpeg", jpeg, sha256(jpeg));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("not stored yet");

        UUID stored = storeEvent(camera.id());
        String otherCamera = inventory.cameras().get(1).id();
        assertThat(upload(id, stored, otherCamera, "SNAPSHOT", "image/jpeg", jpeg, sha256(jpeg)).statusCode()).isEqualTo(422);
        assertThat(upload(id, stored, camera.id(), "SNAPSHOT", "image/jpeg", jpeg, sha256(jpeg)).statusCode()).isEqualTo(201);
    }

    @Test
    void aCommuneHeadSeesOnlyTheirCommunesMedia() throws Exception {
        UUID event = storeEvent(camera.id());
        UUID id = UUID.randomUUID();
        byte[] jpeg = content(5_000, 8);
        assertThat(upload(id, event, camera.id(), "SNAPSHOT", "image/jpeg", jpeg, sha256(jpeg)).statusCode()).isEqualTo(201);

        String own = camera.commune();
        String other = inventory.communes().stream().map(c -> c.id()).filter(c -> !c.equals(own)).findFirst().orElseThrow();
        WebSession ownHead = WebSession.login(base, own, own + "-demo");
        WebSession otherHead = WebSession.login(base, other, other + "-demo");

        assertThat(json.readTree(ownHead.get("/api/events/" + event + "/media").body())).hasSize(1);
        assertThat(ownHead.getBytes("/api/media/" + id).body()).isEqualTo(jpeg);
        assertThat(json.readTree(otherHead.get("/api/events/" + event + "/media").body())).isEmpty();
        assertThat(otherHead.getBytes("/api/media/" + id).statusCode()).as("another commune's media is absent").isEqualTo(404);
        assertThat(WebSession.anonymous(base).getBytes("/api/media/" + id).statusCode()).isEqualTo(401);
        // the gateway token uploads but does not read
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/api/media/" + id)).header("Authorization", "Bearer test-token")
                .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }
}
