package io.canhgac.simulator.onvif;

import java.util.concurrent.CompletionStage;

/** The Replay service (trp): the RTSP URI of a recording on the card, and the replay session's limits. */
final class ReplayService implements SoapService {

    private final CardRecordings card;

    ReplayService(CardRecordings card) {
        this.card = card;
    }

    @Override
    public CompletionStage<String> handle(SoapCall call) throws SoapFault {
        return switch (call.request().operation().getLocalPart()) {
            case "GetReplayUri" -> {
                String token = call.request().param(Ns.TRP, "RecordingToken")
                        .orElseThrow(() -> SoapFault.invalidArgs("RecordingToken missing"));
                if (!card.tokens().contains(token)) {
                    throw SoapFault.invalidArgVal("NoRecording", "No recording " + token);
                }
                yield SoapService.answer(new XmlBuilder().open("trp:GetReplayUriResponse")
                        .leaf("trp:Uri", card.replayUri(token)).close());
            }
            case "GetServiceCapabilities" -> SoapService.answer(new XmlBuilder().open("trp:GetServiceCapabilitiesResponse")
                    .empty("trp:Capabilities", "ReversePlayback", "false", "RTP_RTSP_TCP", "true").close());
            case "GetReplayConfiguration" -> SoapService.answer(new XmlBuilder().open("trp:GetReplayConfigurationResponse")
                    .open("trp:Configuration").leaf("tt:SessionTimeout", "PT60S").close().close());
            default -> throw SoapService.unsupported(call);
        };
    }
}
