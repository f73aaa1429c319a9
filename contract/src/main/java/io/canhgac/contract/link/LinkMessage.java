package io.canhgac.contract.link;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A text message on the control link: the WebSocket a gateway opens to the centre
 * ({@code /api/ingest/link}, with its token) and keeps open, so that everything the centre asks of a
 * commune rides the gateway's own outbound connection. JSON, its kind in {@code "type"}.
 * <p>
 * The centre asks with {@link LinkRequest}s, each with an id the answer repeats; the gateway answers
 * with {@link LinkReply}s. Live video and snapshot pictures travel as binary frames ({@link LinkFrames}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LinkRequest.Sweep.class, name = "sweep"),
        @JsonSubTypes.Type(value = LinkRequest.Describe.class, name = "describe"),
        @JsonSubTypes.Type(value = LinkRequest.Ptz.class, name = "ptz"),
        @JsonSubTypes.Type(value = LinkRequest.Topics.class, name = "topics"),
        @JsonSubTypes.Type(value = LinkRequest.Imaging.class, name = "imaging"),
        @JsonSubTypes.Type(value = LinkRequest.Presets.class, name = "presets"),
        @JsonSubTypes.Type(value = LinkRequest.Snapshot.class, name = "snapshot"),
        @JsonSubTypes.Type(value = LinkRequest.LiveStart.class, name = "live-start"),
        @JsonSubTypes.Type(value = LinkRequest.LiveStop.class, name = "live-stop"),
        @JsonSubTypes.Type(value = LinkRequest.CamerasChanged.class, name = "cameras-changed"),
        @JsonSubTypes.Type(value = LinkRequest.MediaWanted.class, name = "media-wanted"),
        @JsonSubTypes.Type(value = LinkRequest.Recordings.class, name = "recordings"),
        @JsonSubTypes.Type(value = LinkRequest.PlaybackStart.class, name = "playback-start"),
        @JsonSubTypes.Type(value = LinkRequest.RecordingHold.class, name = "recording-hold"),
        @JsonSubTypes.Type(value = LinkRequest.RecordingExport.class, name = "recording-export"),
        @JsonSubTypes.Type(value = LinkReply.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = LinkReply.Status.class, name = "status"),
        @JsonSubTypes.Type(value = LinkReply.Progress.class, name = "progress"),
        @JsonSubTypes.Type(value = LinkReply.Swept.class, name = "swept"),
        @JsonSubTypes.Type(value = LinkReply.Described.class, name = "described"),
        @JsonSubTypes.Type(value = LinkReply.Topics.class, name = "topic-list"),
        @JsonSubTypes.Type(value = LinkReply.Imaging.class, name = "imaging-settings"),
        @JsonSubTypes.Type(value = LinkReply.Presets.class, name = "preset-list"),
        @JsonSubTypes.Type(value = LinkReply.Done.class, name = "done"),
        @JsonSubTypes.Type(value = LinkReply.Failed.class, name = "failed"),
        @JsonSubTypes.Type(value = LinkReply.LiveOpened.class, name = "live-opened"),
        @JsonSubTypes.Type(value = LinkReply.LiveEnded.class, name = "live-ended"),
        @JsonSubTypes.Type(value = LinkReply.Recorded.class, name = "recorded"),
})
public sealed interface LinkMessage permits LinkRequest, LinkReply {
}
