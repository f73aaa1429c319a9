package io.canhgac.simulator.onvif;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Recording Search service (tse), enough of it to find what the card holds: the summary, a
 * recording search (answered complete at once: a camera has few recordings), and one recording's
 * information with its video track.
 */
final class SearchService implements SoapService {

    private final CardRecordings card;
    private final AtomicLong searches = new AtomicLong();

    SearchService(CardRecordings card) {
        this.card = card;
    }

    @Override
    public CompletionStage<String> handle(SoapCall call) throws SoapFault {
        return switch (call.request().operation().getLocalPart()) {
            case "GetServiceCapabilities" -> SoapService.answer(new XmlBuilder().open("tse:GetServiceCapabilitiesResponse")
                    .empty("tse:Capabilities", "MetadataSearch", "false", "GeneralStartEvents", "false").close());
            case "GetRecordingSummary" -> SoapService.answer(summary());
            case "FindRecordings" -> SoapService.answer(new XmlBuilder().open("tse:FindRecordingsResponse")
                    .leaf("tse:SearchToken", "search-" + searches.incrementAndGet()).close());
            case "GetRecordingSearchResults" -> SoapService.answer(results(call));
            case "EndSearch" -> SoapService.answer(new XmlBuilder().open("tse:EndSearchResponse")
                    .leaf("tse:Endpoint", time(card.dataUntil())).close());
            case "GetRecordingInformation" -> SoapService.answer(information(call));
            default -> throw SoapService.unsupported(call);
        };
    }

    private XmlBuilder summary() {
        return new XmlBuilder().open("tse:GetRecordingSummaryResponse").open("tse:Summary")
                .leaf("tt:DataFrom", time(card.dataFrom()))
                .leaf("tt:DataUntil", time(card.dataUntil()))
                .leaf("tt:NumberRecordings", card.tokens().size())
                .close().close();
    }

    private XmlBuilder results(SoapCall call) throws SoapFault {
        call.request().param(Ns.TSE, "SearchToken").filter(t -> t.startsWith("search-"))
                .orElseThrow(() -> SoapFault.invalidArgVal("InvalidToken", "No such search"));
        XmlBuilder x = new XmlBuilder().open("tse:GetRecordingSearchResultsResponse").open("tse:ResultList")
                .leaf("tt:SearchState", "Completed");
        for (String token : card.tokens()) {
            recording(x, "tt:RecordingInformation", token);
        }
        return x.close().close();
    }

    private XmlBuilder information(SoapCall call) throws SoapFault {
        String token = call.request().param(Ns.TSE, "RecordingToken")
                .orElseThrow(() -> SoapFault.invalidArgs("RecordingToken missing"));
        if (!card.tokens().contains(token)) {
            throw SoapFault.invalidArgVal("InvalidToken", "No recording " + token);
        }
        return recording(new XmlBuilder().open("tse:GetRecordingInformationResponse"), "tse:RecordingInformation", token).close();
    }

    private XmlBuilder recording(XmlBuilder x, String element, String token) {
        String from = time(card.dataFrom());
        String until = time(card.dataUntil());
        return x.open(element)
                .leaf("tt:RecordingToken", token)
                .open("tt:Source").leaf("tt:SourceId", token).leaf("tt:Name", token).leaf("tt:Location", "")
                .leaf("tt:Description", "the " + token + " stream").leaf("tt:Address", card.replayUri(token)).close()
                .leaf("tt:EarliestRecording", from)
                .leaf("tt:LatestRecording", until)
                .leaf("tt:Content", token)
                .open("tt:Track").leaf("tt:TrackToken", "video").leaf("tt:TrackType", "Video")
                .leaf("tt:Description", "H.264").leaf("tt:DataFrom", from).leaf("tt:DataTo", until).close()
                .leaf("tt:RecordingStatus", "Recording")
                .close();
    }

    static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
