package io.canhgac.gateway.onvif.recording;

import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifOperation;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.xml.XmlEscape;

import java.net.URI;
import java.util.List;

/** A camera's Recording Search and Replay services: which recordings its card holds, and where each is replayed. */
public final class OnvifReplayClient {

    /** GetRecordingSearchResults rounds before a search that never completes is taken as it stands. */
    private static final int MAX_ROUNDS = 5;

    private final SoapClient soap;
    private final URI search;
    private final URI replay;

    public OnvifReplayClient(SoapClient soap, URI search, URI replay) {
        this.soap = soap;
        this.search = search;
        this.replay = replay;
    }

    /** Every recording on the card (an unbounded search: cameras keep one or two). */
    public List<CardRecording> recordings() throws OnvifException {
        String token = soap.call(search, OnvifOperation.FIND_RECORDINGS,
                "<tse:FindRecordings><tse:Scope/><tse:KeepAliveTime>PT10S</tse:KeepAliveTime></tse:FindRecordings>",
                RecordingSearchParser::searchToken);
        String ask = "<tse:GetRecordingSearchResults><tse:SearchToken>" + XmlEscape.text(token)
                + "</tse:SearchToken><tse:MinResults>1</tse:MinResults><tse:WaitTime>PT2S</tse:WaitTime>"
                + "</tse:GetRecordingSearchResults>";
        List<CardRecording> found = new java.util.ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            RecordingSearchParser.Results r = soap.call(search, OnvifOperation.GET_RECORDING_SEARCH_RESULTS, ask,
                    RecordingSearchParser::results);
            found.addAll(r.recordings());
            if (r.completed()) {
                break;
            }
        }
        return found;
    }

    /** The RTSP URI replaying {@code recordingToken} over RTP/RTSP/TCP. */
    public URI replayUri(String recordingToken) throws OnvifException {
        String body = "<trp:GetReplayUri><trp:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream>"
                + "<tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trp:StreamSetup>"
                + "<trp:RecordingToken>" + XmlEscape.text(recordingToken) + "</trp:RecordingToken></trp:GetReplayUri>";
        return soap.call(replay, OnvifOperation.GET_REPLAY_URI, body, RecordingSearchParser::replayUri);
    }
}
