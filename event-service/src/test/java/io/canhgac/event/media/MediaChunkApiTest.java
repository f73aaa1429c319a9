package io.canhgac.event.media;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The resumable upload: chunks in order, a wrong offset answered with the one held, resume, completion once, refusals. */
class MediaChunkApiTest extends MediaApiFixture {

    private static final int CHUNK = 100_000;

    @Autowired
    MediaChunks chunks;

    private Path partial(UUID id) {
        return MEDIA_DIR.resolve(".partial").resolve(id + ".bytes");
    }

    private Path stored(UUID id) {
        return MEDIA_DIR.resolve(camera.id()).resolve("2026-11-22").resolve(id + ".mp4");
    }

    private long receivedIn(HttpResponse<String> answer) throws Exception {
        return json.readTree(answer.body()).get("received").asLong();
    }

    @Test
    void chunksInOrderStoreTheFileWithItsHash() throws Exception {
        UUID event = storeEvent(camera.id());
        UUID id = UUID.randomUUID();
        byte[] mp4 = content(250_000, 11);
        HttpResponse<String> first = chunk(id, event, "CLIP", mp4, 0, CHUNK, sha256(mp4));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json.readTree(first.body()).get("received").asLong()).isEqualTo(CHUNK);
        assertThat(json.readTree(first.body()).get("stored").asBoolean()).isFalse();
        assertThat(partial(id)).hasSize(CHUNK);
        assertThat(rows()).as("nothing recorded before the last chunk").isZero();

        assertThat(chunk(id, event, "CLIP", mp4, CHUNK, CHUNK, sha256(mp4)).statusCode()).isEqualTo(200);
        HttpResponse<String> last = chunk(id, event, "CLIP", mp4, 2 * CHUNK, 50_000, sha256(mp4));
        assertThat(last.statusCode()).as(last.body()).isEqualTo(201);
        JsonNode answer = json.readTree(last.body());
        assertThat(answer.get("outcome").asText()).isEqualTo("STORED");
        assertThat(answer.get("received").asLong()).isEqualTo(mp4.length);
        assertThat(answer.get("stored").asBoolean()).isTrue();

        assertThat(stored(id)).exists().hasBinaryContent(mp4);
        assertThat(jdbc.queryForObject("SELECT sha256 FROM event_media WHERE id = ?", String.class, id)).isEqualTo(sha256(mp4));
        assertThat(jdbc.queryForObject("SELECT size_bytes FROM event_media WHERE id = ?", Long.class, id)).isEqualTo(mp4.length);
        assertThat(partial(id)).as("the partial is gone once stored").doesNotExist();
        assertThat(MEDIA_DIR.resolve(".partial").resolve(id + ".meta")).doesNotExist();
    }

    @Test
    void aChunkAtAWrongOffsetIsAnsweredWithTheOffsetHeldAndNothingIsAppendedTwice() throws Exception {
        UUID event = storeEvent(camera.id());
        UUID id = UUID.randomUUID();
        byte[] mp4 = content(250_000, 12);
        assertThat(chunk(id, event, "CLIP", mp4, 0, CHUNK, sha256(mp4)).statusCode()).isEqualTo(200);

        HttpResponse<String> ahead = chunk(id, event, "CLIP", mp4, 2 * CHUNK, 50_000, sha256(mp4));
        assertThat(ahead.statusCode()).isEqualTo(409);
        assertThat(receivedIn(ahead)).isEqualTo(CHUNK);
        assertThat(json.readTree(ahead.body()).get("problem").asText()).isEqualTo("OFFSET_MISMATCH");

        // the first chunk again (its answer was lost): refused, not appended a second time
        HttpResponse<String> again = chunk(id, event, "CLIP", mp4, 0, CHUNK, sha256(mp4));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(receivedIn(again)).isEqualTo(CHUNK);
        assertThat(partial(id)).hasSize(CHUNK);

        assertThat(chunk(id, event, "CLIP", mp4, CHUNK, CHUNK, sha256(mp4)).statusCode()).isEqualTo(200);
        assertThat(chunk(id, event, "CLIP", mp4, 2 * CHUNK, 50_000, sha256(mp4)).statusCode()).isEqualTo(201);
        assertThat(stored(id)).hasBinaryContent(mp4);
    }

    @Test
    void aGatewayThatRestartedAsksWhereToResumeAndFinishes() throws Exception {
        UUID event = storeEvent(camera.id());
        UUID id = UUID.randomUUID();
        byte[] mp4 = content(250_000, 13);
        JsonNode nothing = json.readTree(received(id).body());
        assertThat(nothing.get("received").asLong()).isZero();
        assertThat(nothing.get("stored").asBoolean()).isFalse();

        assertThat(chunk(id, event, "CLIP", mp4, 0, CHUNK, sha256(mp4)).statusCode()).isEqualTo(200);
        assertThat(chunk(id, event, "CLIP", mp4, CHUNK, CHUNK, sha256(mp4)).statusCode()).isEqualTo(200);
        // the gateway "crashes": all it has is the media id; the centre holds two chunks
        HttpResponse<String> where = received(id);
        assertThat(where.statusCode()).isEqualTo(200);
        assertThat(receivedIn(where)).isEqualTo(2 * CHUNK);
        assertThat(json.readTree(where.body()).get("stored").asBoolean()).isFalse();

        long resumeAt = receivedIn(where);
        assertThat(chunk(id, event, "CLIP", mp4, resumeAt, (int) (mp4.length - resumeAt), sha256(mp4)).statusCode()).isEqualTo(201);
        assertThat(stored(id)).hasBinaryContent(mp4);
        JsonNode done = json.readTree(received(id).body());
        assertThat(done.get("received").asLong()).isEqualTo(mp4.length);
        assertThat(done.get("stored").asBoolean()).isTrue();
    }

    @Test
    void allBytesHeldButNotStoredIsCompletedByAnEmptyChunkAtTheEnd() throws Exception {
        UUID event = storeEvent(camera.id());
        UUID id = UUID.randomUUID();
        byte[] mp4 = content(150_000, 14);
        assertThat(chunk(id, event, "CLIP", mp4, 0, CHUNK, sha256(mp4)).statusCode()).isEqualTo(200);
        // as if the centre had failed while storing the last chunk: every byte held, nothing stored
        Files.write(partial(id), java.util.Arrays.copyOfRange(mp4, CHUNK, mp4.length), java.nio.file.StandardOpenOption.APPEND);
        assertThat(receivedIn(received(id))).isEqualTo(mp4.length);

        HttpResponse<String> end = chunk(id, event, "CLIP", mp4, mp4.length, 0, sha256(mp4));
        assertThat(end.statusCode()).as(end.body()).isEqualTo(201);
        assertThat(stored(id)).hasBinaryContent(mp4);
        assertThat(chunk(id, event, "CLIP", mp4, 0, 0, sha256(mp4)).statusCode()).as("an empty chunk elsewhere is malformed").isEqualTo(400);
    }

    @Test
    void completingTwiceIsIdempotent() throws Exception {
        UUID event = storeEvent(camera.id());
        UUID id = UUID.randomUUID();
        byte[] mp4 = content(150_000, 15);
        assertThat(chunk(id, event, "CLIP", mp4, 0, CHUNK, sha256(mp4)).statusCode()).isEqualTo(200);
        assertThat(chunk(id, event, "CLIP", mp4, CHUNK, 50_000, sha256(mp4)).statusCode()).isEqualTo(201);

        // the answer to the last chunk was lost: sent again, and the whole upload again from 0
        for (long offset : new long[]{CHUNK, 0}) {
            HttpResponse<String> again = chunk(id, event, "CLIP", mp4, offset, offset == 0 ? CHUNK : 50_000, sha256(mp4));
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(json.readTree(again.body()).get("outcome").asText()).isEqualTo("DUPLICATE");
            assertThat(json.readTree(again.body()).get("stored").asBoolean()).isTrue();
            assertThat(receivedIn(again)).isEqualTo(mp4.length);
        }
        assertThat(rows()).isEqualTo(1);
        assertThat(partial(id)).as("no new partial for a stored id").doesNotExist();
        // the whole-file route agrees it is the same media
        assertThat(upload(id, event, camera.id(), "CLIP", "video/mp4", mp4, sha256(mp4)).statusCode()).isEqualTo(200);
    }

    @Test
    void aHashMismatchIs422AndThePartialIsDropped() throws Exception {
        UUID event = storeEvent(camera.id());
        UUID id = UUID.randomUUID();
        byte[] mp4 = content(150_000, 16);
        byte[] corrupted = mp4.clone();
        corrupted[120_000] ^= 1;
        assertThat(chunk(id, event, "CLIP", corrupted, 0, CHUNK, sha256(mp4)).statusCode()).isEqualTo(200);
        HttpResponse<String> last = chunk(id, event, "CLIP", corrupted, CHUNK, 50_000, sha256(mp4));
        assertThat(last.statusCode()).isEqualTo(422);
        assertThat(json.readTree(last.body()).get("problem").asText()).isEqualTo("HASH_MISMATCH");
        assertThat(rows()).isZero();
        assertThat(partial(id)).doesNotExist();
        assertThat(stored(id)).doesNotExist();
        assertThat(receivedIn(received(id))).as("a new attempt starts from 0").isZero();
    }

    @Test
    void mediaOfAnEventTheCentreDoesNotHaveIsRefusedWithItsOwnCodeBeforeAnyByteIsKept() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] mp4 = content(150_000, 17);
        HttpResponse<String> unknown = chunk(id, UUID.randomUUID(), "CLIP", mp4, 0, CHUNK, sha256(mp4));
        assertThat(unknown.statusCode()).isEqualTo(404);
        JsonNode problem = json.readTree(unknown.body());
        assertThat(problem.get("problem").asText()).isEqualTo("EVENT_UNKNOWN");
        assertThat(problem.has("received")).as("not a resume answer").isFalse();
        assertThat(partial(id)).doesNotExist();
        assertThat(receivedIn(received(id))).isZero();
        // the whole-file route keeps its 409 for older gateways, now with the same code
        HttpResponse<String> whole = upload(id, UUID.randomUUID(), camera.id(), "CLIP", "video/mp4", mp4, sha256(mp4));
        assertThat(whole.statusCode()).isEqualTo(409);
        assertThat(json.readTree(whole.body()).get("problem").asText()).isEqualTo("EVENT_UNKNOWN");
    }

    @Test
    void chunksAndFilesOverTheirBoundsAreRefused() throws Exception {
        UUID event = storeEvent(camera.id());
        byte[] big = content(MediaChunks.MAX_CHUNK + 1, 18);
        HttpResponse<String> tooBig = chunk(UUID.randomUUID(), event, "CLIP", big, 0, big.length, sha256(big));
        assertThat(tooBig.statusCode()).as("a chunk over 1 MiB").isEqualTo(413);
        assertThat(json.readTree(tooBig.body()).get("problem").asText()).isEqualTo("CHUNK_TOO_LARGE");
        HttpResponse<String> file = chunk(UUID.randomUUID(), event, "CLIP", big, 0, CHUNK, sha256(big));
        assertThat(file.statusCode()).as("a file over the configured 1MB").isEqualTo(413);
        assertThat(json.readTree(file.body()).get("problem").asText()).isEqualTo("TOO_LARGE");
        byte[] small = content(1_000, 19);
        assertThat(chunk(UUID.randomUUID(), event, "CLIP", small, 500, 0, sha256(small)).statusCode())
                .as("an empty chunk that does not end the file").isEqualTo(400);
        assertThat(chunk(UUID.randomUUID(), event, "CLIP", small, 0, 1_000, "abc").statusCode()).isEqualTo(400);
    }

    @Test
    void partialsLeftLongerThanTheirAgeAreRemovedAndFreshOnesKept() throws Exception {
        UUID event = storeEvent(camera.id());
        UUID old = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        byte[] mp4 = content(150_000, 20);
        assertThat(chunk(old, event, "CLIP", mp4, 0, CHUNK, sha256(mp4)).statusCode()).isEqualTo(200);
        assertThat(chunk(fresh, event, "CLIP", mp4, 0, CHUNK, sha256(mp4)).statusCode()).isEqualTo(200);
        Files.setLastModifiedTime(partial(old), FileTime.from(Instant.now().minus(Duration.ofDays(8))));

        assertThat(chunks.removeStale(Instant.now().minus(Duration.ofDays(7)))).isEqualTo(1);
        assertThat(partial(old)).doesNotExist();
        assertThat(MEDIA_DIR.resolve(".partial").resolve(old + ".meta")).doesNotExist();
        assertThat(partial(fresh)).hasSize(CHUNK);
        assertThat(receivedIn(received(old))).isZero();
    }
}
