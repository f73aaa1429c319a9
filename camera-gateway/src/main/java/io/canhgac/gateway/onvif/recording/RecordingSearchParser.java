package io.canhgac.gateway.onvif.recording;

import io.canhgac.gateway.onvif.xml.Elements;
import io.canhgac.gateway.onvif.xml.XmlContentException;
import org.w3c.dom.Element;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads FindRecordings' search token, the search results' recordings and GetReplayUri's URI. */
final class RecordingSearchParser {

    private RecordingSearchParser() {
    }

    static String searchToken(Element response) throws XmlContentException {
        return Elements.requiredText(response, "SearchToken");
    }

    /** The recordings found, and whether the search is complete (a camera may answer in parts). */
    record Results(List<CardRecording> recordings, boolean completed) {
    }

    static Results results(Element response) throws XmlContentException {
        Element list = Elements.child(response, "ResultList");
        boolean completed = Elements.optionalText(list, "SearchState").map("Completed"::equals).orElse(true);
        List<CardRecording> found = new ArrayList<>();
        for (Element r : Elements.children(list, "RecordingInformation")) {
            found.add(new CardRecording(Elements.requiredText(r, "RecordingToken"),
                    Elements.optionalText(r, "Content").orElse(""),
                    instant(Elements.optionalText(r, "EarliestRecording"), "EarliestRecording"),
                    instant(Elements.optionalText(r, "LatestRecording"), "LatestRecording")));
        }
        return new Results(found, completed);
    }

    static java.net.URI replayUri(Element response) throws XmlContentException {
        return Elements.absoluteUri(Elements.requiredText(response, "Uri"), "Uri");
    }

    private static Instant instant(Optional<String> text, String what) throws XmlContentException {
        return text.isEmpty() ? null : Elements.parseInstant(text.get(), what);
    }
}
