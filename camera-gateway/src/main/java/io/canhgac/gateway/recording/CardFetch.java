package io.canhgac.gateway.recording;

import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifFailure;
import io.canhgac.gateway.onvif.OnvifService;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.device.OnvifDeviceClient;
import io.canhgac.gateway.onvif.device.ServiceAddresses;
import io.canhgac.gateway.onvif.recording.CardRecording;
import io.canhgac.gateway.onvif.recording.OnvifReplayClient;
import io.canhgac.gateway.recording.replay.ReplaySession;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One try at filling a gap from a camera's own storage: find its Recording Search and Replay
 * services, the recording of the stream the gateway records, and replay the gap piece by piece
 * ({@link CardReplaySettings#maxRange} at a time) into segments. What the camera's storage lacks
 * is logged as such; whether the rest may be tried again is the {@link Outcome}'s to say.
 */
final class CardFetch {

    enum Kind { FILLED, NO_REPLAY, REFUSED, FAILED }

    /** @param until how far the gap is dealt with (filled or found missing on the camera) */
    record Outcome(Kind kind, Instant until, String detail) {
    }

    private final HttpClient http;
    private final CardReplaySettings settings;
    private final Duration segmentLength;

    CardFetch(HttpClient http, CardReplaySettings settings, Duration segmentLength) {
        this.http = http;
        this.settings = settings;
        this.segmentLength = segmentLength;
    }

    Outcome fill(CameraArchive archive, CameraCard card, String stream, Instant from, Instant to) {
        Instant at = from;
        try {
            SoapClient soap = new SoapClient(http, new OnvifClientSettings(settings.ioTimeout(),
                    OnvifClientSettings.DEFAULTS.maxResponseBytes(), OnvifClientSettings.DEFAULTS.maxElementDepth()),
                    card.account(), Clock.systemUTC());
            OnvifDeviceClient device = new OnvifDeviceClient(soap, card.deviceService());
            device.synchronizeClock();
            ServiceAddresses services = device.serviceAddresses();
            Optional<URI> search = services.of(OnvifService.SEARCH);
            Optional<URI> replay = services.of(OnvifService.REPLAY);
            if (search.isEmpty() || replay.isEmpty()) {
                return new Outcome(Kind.NO_REPLAY, from, "the camera lists no Recording Search or Replay service");
            }
            OnvifReplayClient client = new OnvifReplayClient(soap, search.get(), replay.get());
            Optional<CardRecording> recording = pick(client.recordings(), stream);
            if (recording.isEmpty()) {
                return new Outcome(Kind.NO_REPLAY, from, "the camera keeps no recording");
            }
            if (!recording.get().reaches(from, to)) {
                archive.gap(from, to, CameraArchive.NOT_ON_CAMERA);
                return new Outcome(Kind.FILLED, to, "the camera's recording runs from " + recording.get().earliest()
                        + " to " + recording.get().latest());
            }
            URI uri = client.replayUri(recording.get().token());
            while (at.isBefore(to)) {
                Instant end = min(to, at.plus(settings.maxRange()));
                replayPiece(archive, card, uri, at, end);
                at = end;
            }
            return new Outcome(Kind.FILLED, to, null);
        } catch (ReplaySession.Refused e) {
            return new Outcome(Kind.REFUSED, at, e.getMessage());
        } catch (OnvifException e) {
            if (e.failure() == OnvifFailure.NOT_AUTHORIZED) {
                return new Outcome(Kind.REFUSED, at, e.getMessage());
            }
            return e.failure() == OnvifFailure.ACTION_NOT_SUPPORTED
                    ? new Outcome(Kind.NO_REPLAY, at, e.getMessage()) : new Outcome(Kind.FAILED, at, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new Outcome(Kind.FAILED, at, e.toString());
        }
    }

    /** Replays {@code [from, to)}; the holes the camera's pictures leave in it are logged as not on the camera. */
    private void replayPiece(CameraArchive archive, CameraCard card, URI uri, Instant from, Instant to) throws IOException {
        GapFill fill = new GapFill(archive, from, to, segmentLength);
        List<Segment> written;
        try {
            new ReplaySession(uri, card.account(), settings.ioTimeout(), settings.maxBytesPerSecond()).play(from, to, fill);
        } finally {
            written = fill.finish();
        }
        Instant covered = from;
        for (Segment s : written) {
            holeIfLong(archive, covered, s.start());
            covered = s.end();
        }
        holeIfLong(archive, covered, to);
    }

    /** A piece the replay did not bring is missing on the camera too; a keyframe's distance is not a hole. */
    private static void holeIfLong(CameraArchive archive, Instant a, Instant b) {
        if (Duration.between(a, b).compareTo(CameraArchive.JOIN) > 0) {
            archive.gap(a, b, CameraArchive.NOT_ON_CAMERA);
        }
    }

    /** The recording of the stream recorded here when the camera tells them apart, else its first. */
    static Optional<CardRecording> pick(List<CardRecording> recordings, String stream) {
        String s = stream.toLowerCase(Locale.ROOT);
        return recordings.stream()
                .filter(r -> r.token().toLowerCase(Locale.ROOT).contains(s) || r.content().toLowerCase(Locale.ROOT).contains(s))
                .findFirst()
                .or(() -> recordings.stream().findFirst());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
