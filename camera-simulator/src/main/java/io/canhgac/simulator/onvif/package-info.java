/**
 * The ONVIF side of a simulated camera: a self-contained component the simulator wires beside its
 * RTSP server.
 *
 * <h2>Wiring one camera</h2>
 * <pre>{@code
 * OnvifDevice device = new OnvifDevice(
 *         new DeviceIdentity("Canh Gac", "CG-PTZ-720", "1.4.2", serial, "CG-HW-3", name, "vn/quang-nam/nong-son/que-loc"),
 *         DeviceCredentials.following("admin", () -> camera.credentials().password()), // one account for RTSP and ONVIF
 *         MediaCatalog.mainAndSub(() -> "rtsp://127.0.0.11:8554", () -> TestCardJpeg.render(640, 360, name)),
 *         PtzState.withDefaultPresets(),
 *         new DeviceEvents());
 * OnvifDeviceServer onvif = new OnvifDeviceServer(group, new InetSocketAddress("127.0.0.11", 8080), device);
 * onvif.start();
 * WsDiscoveryResponder discovery = new WsDiscoveryResponder(group, onvif, WsDiscoveryConfig.loopback());
 * discovery.start();               // multicasts Hello
 * device.events().motion(true);    // from the scene's ground truth
 * PtzVector where = device.ptz().position(); // for the renderer
 * discovery.stop();                // multicasts Bye
 * onvif.stop();
 * }</pre>
 *
 * <h2>Rules the device keeps</h2>
 * <ul>
 *   <li>Every operation but GetSystemDateAndTime needs a WS-UsernameToken with PasswordDigest;
 *       Created must be within 5 minutes of the device clock either way, and a nonce works once.</li>
 *   <li>The snapshot URL takes HTTP Digest (MD5, qop=auth) with the same account.</li>
 *   <li>Requests are SOAP 1.2 or 1.1 (answered in the same version), at most 64 KiB, parsed without
 *       DTDs or external entities. A {@link io.canhgac.simulator.onvif.Firmware#SOAP11} device answers
 *       SOAP 1.1 always; a {@link io.canhgac.simulator.onvif.Firmware#MEDIA2_ONLY} one has Media2 and no Media.</li>
 *   <li>At most 10 pull-point subscriptions; a PullMessages waits at most one minute. Topic filters
 *       in CreatePullPointSubscription are ignored: every subscriber gets motion and tamper.</li>
 *   <li>Everything binds to loopback; WS-Discovery multicasts on a loopback interface only. For
 *       unicast Probes each camera needs its own loopback address.</li>
 * </ul>
 */
package io.canhgac.simulator.onvif;
