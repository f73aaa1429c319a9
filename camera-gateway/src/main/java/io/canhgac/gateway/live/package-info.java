/**
 * Live view: one pull per watched camera stream (H.264 packets, never decoded), fanned out to any
 * number of browsers as fragmented MP4 over WebSocket for Media Source Extensions.
 *
 * <p>Entry point: {@link io.canhgac.gateway.live.LiveViewServer#start(int, CameraStreams, TicketVerifier)}; where the
 * packets come from is a {@link io.canhgac.gateway.live.LiveSources} (the cameras over RTSP, or at the centre a commune's
 * gateway over its link, which answers with {@link io.canhgac.gateway.live.LinkMedia}).
 * The centre's live server is the district's one live port; a commune's gateway runs none by default.
 * Tickets: the event-service signs them with {@code io.canhgac.contract.live.LiveTicketIssuer}
 * (same secret as the gateway's {@link io.canhgac.gateway.live.TicketVerifier}).
 *
 * <p>What a browser does:
 * <ol>
 *   <li>opens {@code ws://gateway:port/live/<cameraId>/<sub|main>?ticket=…} with
 *       {@code binaryType = "arraybuffer"};</li>
 *   <li>the first text message is {@code {"type":"init","mime":"video/mp4; codecs=\"avc1.…\"",…}}: check
 *       {@code MediaSource.isTypeSupported(mime)} and {@code addSourceBuffer(mime)} (mode "segments");</li>
 *   <li>appends every binary message in order: the init segment, then one fragment per picture,
 *       starting at a keyframe; another text "init" message means a new init segment follows
 *       (the camera changed its parameters);</li>
 *   <li>once about one second is buffered, sets {@code currentTime} to {@code buffered.start(0)}
 *       (the timeline is the stream's, not the viewer's) and plays; started right at the live edge,
 *       Chromium stalls on every fragment (measured: 0.4 s played in 4 s), with that jitter buffer
 *       it plays smoothly — see the test page {@code src/test/resources/live/mse-player.html};</li>
 *   <li>on close, shows the close reason: codes 4401/4403/4409/4410 are ticket problems (fetch a
 *       new ticket), 4415 an H.265 stream (switch to the substream), 4429 a link too slow (fall back
 *       to {@code GET /snapshot/<cameraId>/<sub|main>?ticket=…} refreshed every few seconds), 4502
 *       an unreachable camera.</li>
 * </ol>
 */
package io.canhgac.gateway.live;
