package io.canhgac.gateway.onvif;

import io.canhgac.gateway.onvif.device.DeviceClock;
import io.canhgac.gateway.onvif.device.DeviceInformation;
import io.canhgac.gateway.onvif.device.ServiceEndpoint;
import io.canhgac.gateway.onvif.events.EventBatch;
import io.canhgac.gateway.onvif.events.EventMessage;
import io.canhgac.gateway.onvif.events.PullPointSubscription;
import io.canhgac.gateway.onvif.media.MediaProfile;
import io.canhgac.gateway.onvif.media.MediaUri;
import io.canhgac.gateway.onvif.media.VideoEncoderSettings;
import io.canhgac.gateway.onvif.media.VideoEncoding;
import io.canhgac.gateway.onvif.ptz.PtzPreset;
import io.canhgac.gateway.onvif.xml.SecureXml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Base of the tests that read real ONVIF traffic, in the spirit of Traccar's ProtocolTest: it finds
 * the captures in ../shared/data/onvif (system property {@code canhgac.shared.dir}, set by the root
 * pom), skips with an assumption when they are absent so a plain clone still passes, reads
 * hand-written fixtures from the classpath, and checks the invariants every parsed record must
 * keep. Tests add the exact values a person reads in the XML.
 */
public abstract class OnvifCaptureTest {

    /** Captures were made in 2018; anything outside these years is a parsing mistake. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private final EnvelopeReader reader = new EnvelopeReader(SecureXml.DEFAULT);
    private Method currentTest;
    private FakeCamera camera;

    @BeforeEach
    void rememberTest(TestInfo info) {
        currentTest = info.getTestMethod().orElse(null);
    }

    @AfterEach
    void closeCamera() {
        if (camera != null) {
            camera.close();
        }
    }

    /** A loopback camera for this test, started on first use. */
    protected FakeCamera camera() {
        if (camera == null) {
            try {
                camera = new FakeCamera();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return camera;
    }

    /**
     * Makes the loopback camera answer {@code operation} with a capture, as the real camera did, and
     * returns a client for it: the capture then goes through HTTP, the envelope reader and the parser.
     *
     * @param status 200 for answers; for faults the status gSOAP cameras use (400 Sender, 500 Receiver)
     */
    protected SoapClient replay(OnvifOperation operation, String path, int status) {
        byte[] body = capture(path);
        camera().reply(operation, status == 200 ? FakeCamera.Reply.soap(body) : FakeCamera.Reply.fault(status, body));
        return client();
    }

    /** Like {@link #replay} for a hand-written fixture, with the Content-Type the firmware would send. */
    protected SoapClient replayFixture(OnvifOperation operation, String name, int status, String contentType) {
        camera().reply(operation, new FakeCamera.Reply(status, contentType, camera().local(fixture(name)), java.util.Map.of()));
        return client();
    }

    /** A client with the credentials the captured cameras were read with. */
    protected static SoapClient client() {
        return new SoapClient(OnvifClientSettings.DEFAULTS, new OnvifCredentials("admin", "admin"));
    }

    /**
     * The body our client just sent equals, element for element, the body the reference client
     * sent in the capture's Request.xml (onvif-nvt, which these cameras answered).
     */
    protected void assertRequestLikeCaptured(String responsePath) {
        String requestPath = responsePath.replaceFirst("\\.(Response|Error)\\.xml$", ".Request.xml");
        Element captured = requestBody(requestPath);
        Element ours = camera().lastRequest().bodyElement();
        assertThat(XmlCanon.of(ours)).as("our request body vs %s", requestPath).isEqualTo(XmlCanon.of(captured));
    }

    private Element requestBody(String requestPath) {
        try {
            org.w3c.dom.Document doc = SecureXml.DEFAULT.parse(Files.readAllBytes(requireCaptures().resolve(requestPath)));
            Element body = (Element) doc.getElementsByTagNameNS(EnvelopeReader.SOAP12, "Body").item(0);
            return io.canhgac.gateway.onvif.xml.Elements.children(body).get(0);
        } catch (Exception e) {
            throw new AssertionError(requestPath + " could not be read: " + e.getMessage(), e);
        }
    }

    /** ../shared, from the system property or found from the project root. */
    public static Path sharedDir() {
        String property = System.getProperty("canhgac.shared.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path root = Path.of("").toAbsolutePath();
        while (root.getParent() != null && Files.exists(root.getParent().resolve("pom.xml"))) {
            root = root.getParent();
        }
        return root.resolve("../shared").normalize();
    }

    public static Path capturesDir() {
        return sharedDir().resolve("data/onvif");
    }

    /** Skips the calling test when the captures are not there. */
    public static Path requireCaptures() {
        Path dir = capturesDir();
        assumeTrue(Files.isDirectory(dir), "ONVIF captures not found at " + dir + "; test skipped");
        return dir;
    }

    /** The raw bytes of a capture the current test names with {@link Capture}. */
    protected byte[] capture(String path) {
        Path dir = requireCaptures();
        if (currentTest == null || !namedCaptures(currentTest).contains(path)) {
            fail("test " + (currentTest == null ? "?" : currentTest.getName()) + " reads " + path
                    + " but does not name it: add @Capture(\"" + path + "\")");
        }
        try {
            return Files.readAllBytes(dir.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body element of a capture that must be a normal answer. */
    protected Element response(String path) {
        SoapEnvelope envelope = read(capture(path), path);
        assertThat(envelope.isFault()).as("%s is a fault: %s", path, envelope.optionalFault()).isFalse();
        return envelope.content();
    }

    /** The fault in a capture that must be one. */
    protected SoapFault fault(String path) {
        SoapEnvelope envelope = read(capture(path), path);
        assertThat(envelope.isFault()).as("%s should be a SOAP fault", path).isTrue();
        return verifyFault(envelope.fault());
    }

    /** A hand-written fixture from src/test/resources/onvif; these tests always run. */
    public static byte[] fixture(String name) {
        try (InputStream in = OnvifCaptureTest.class.getResourceAsStream("/onvif/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture onvif/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Element fixtureResponse(String name) {
        SoapEnvelope envelope = read(fixture(name), name);
        assertThat(envelope.isFault()).isFalse();
        return envelope.content();
    }

    protected SoapFault fixtureFault(String name) {
        SoapEnvelope envelope = read(fixture(name), name);
        assertThat(envelope.isFault()).isTrue();
        return verifyFault(envelope.fault());
    }

    private SoapEnvelope read(byte[] bytes, String what) {
        try {
            return reader.read(bytes);
        } catch (Exception e) {
            throw new AssertionError(what + " could not be read: " + e.getMessage(), e);
        }
    }

    static Set<String> namedCaptures(Method method) {
        Set<String> names = new HashSet<>();
        Arrays.stream(method.getAnnotationsByType(Capture.class)).forEach(c -> names.add(c.value()));
        return names;
    }

    // ---- invariants every parsed record keeps -------------------------------------------------

    protected static DeviceInformation verify(DeviceInformation info) {
        assertThat(info.manufacturer()).as("manufacturer").isNotBlank();
        assertThat(info.model()).as("model").isNotBlank();
        assertThat(info.firmwareVersion()).as("firmware").isNotBlank();
        assertThat(info.serialNumber()).as("serial number").isNotBlank();
        return info;
    }

    protected static DeviceClock verify(DeviceClock clock) {
        assertThat(clock.utc()).isAfter(EARLIEST).isBefore(LATEST);
        assertThat(clock.source()).isNotNull();
        return clock;
    }

    protected static List<MediaProfile> verifyProfiles(List<MediaProfile> profiles) {
        assertThat(profiles).as("profiles").isNotEmpty();
        assertThat(profiles).extracting(MediaProfile::token).doesNotHaveDuplicates().allSatisfy(t -> assertThat(t).isNotBlank());
        for (MediaProfile p : profiles) {
            p.videoEncoder().ifPresent(v -> {
                assertThat(v.width()).as("width of %s", p.token()).isPositive();
                assertThat(v.height()).as("height of %s", p.token()).isPositive();
                assertThat(v.frameRateLimit()).as("frame rate of %s", p.token()).isNotNegative();
                assertThat(v.bitrateLimit()).as("bitrate of %s", p.token()).isNotNegative();
                assertThat(v.encoding()).isNotEqualTo(VideoEncoding.OTHER);
                if (v.encoding() != VideoEncoding.H264) {
                    assertThat(v.h264Profile()).as("H.264 profile of a %s encoder", v.encoding()).isNull();
                }
            });
        }
        return profiles;
    }

    protected static MediaUri verify(MediaUri uri, String... schemes) {
        assertThat(uri.uri().isAbsolute()).as("absolute: %s", uri.uri()).isTrue();
        assertThat(uri.uri().getHost()).as("host of %s", uri.uri()).isNotBlank();
        assertThat(uri.uri().getScheme()).isIn((Object[]) schemes);
        assertThat(uri.timeout().isNegative()).as("negative timeout").isFalse();
        return uri;
    }

    protected static List<ServiceEndpoint> verifyServices(List<ServiceEndpoint> services) {
        assertThat(services).isNotEmpty();
        for (ServiceEndpoint s : services) {
            assertThat(s.namespace()).isNotBlank();
            assertThat(s.xaddr().isAbsolute()).isTrue();
            assertThat(s.version().major()).isPositive();
        }
        assertThat(services).extracting(ServiceEndpoint::service)
                .as("a device service is always listed").anySatisfy(s -> assertThat(s).hasValue(OnvifService.DEVICE));
        return services;
    }

    protected static PullPointSubscription verify(PullPointSubscription s) {
        assertThat(s.address().isAbsolute()).isTrue();
        assertThat(s.address().getScheme()).isIn("http", "https");
        assertThat(s.terminationTime()).as("termination after creation").isAfter(s.currentTime());
        return s;
    }

    protected static EventBatch verify(EventBatch batch) {
        assertThat(batch.terminationTime()).isAfter(batch.currentTime());
        for (EventMessage m : batch.messages()) {
            assertThat(m.topic()).isNotBlank().doesNotContain("\n").doesNotStartWith(" ");
            assertThat(m.utcTime()).isAfter(EARLIEST).isBefore(LATEST);
            assertThat(m.data()).as("data of %s", m.topic()).isNotNull();
        }
        return batch;
    }

    protected static List<PtzPreset> verifyPresets(List<PtzPreset> presets) {
        assertThat(presets).isNotEmpty();
        assertThat(presets).extracting(PtzPreset::token).doesNotHaveDuplicates().allSatisfy(t -> assertThat(t).isNotBlank());
        for (PtzPreset p : presets) {
            p.position().pan().ifPresent(v -> assertThat(v).isBetween(-1.0, 1.0));
            p.position().tilt().ifPresent(v -> assertThat(v).isBetween(-1.0, 1.0));
            p.position().zoom().ifPresent(v -> assertThat(v).isBetween(0.0, 1.0));
        }
        return presets;
    }

    protected static SoapFault verifyFault(SoapFault fault) {
        assertThat(fault.codeName()).as("fault code").isNotBlank();
        assertThat(fault.failure()).isNotNull();
        return fault;
    }

    // ---- exact-value helpers ------------------------------------------------------------------

    protected static void assertVideo(MediaProfile profile, VideoEncoding encoding, int width, int height,
                                      int frameRate, int bitrate) {
        VideoEncoderSettings v = profile.videoEncoder().orElseThrow(() -> new AssertionError(profile.token() + " has no video"));
        assertThat(v.encoding()).as("encoding of %s", profile.token()).isEqualTo(encoding);
        assertThat(v.width()).as("width of %s", profile.token()).isEqualTo(width);
        assertThat(v.height()).as("height of %s", profile.token()).isEqualTo(height);
        assertThat(v.frameRateLimit()).as("frame rate of %s", profile.token()).isEqualTo(frameRate);
        assertThat(v.bitrateLimit()).as("bitrate of %s", profile.token()).isEqualTo(bitrate);
    }

    protected static void assertFault(SoapFault fault, OnvifFailure kind, String code, List<String> subcodes, String reason) {
        assertThat(fault.failure()).as("kind of %s", fault.summary()).isEqualTo(kind);
        assertThat(fault.code()).isEqualTo(code);
        assertThat(fault.subcodes()).isEqualTo(subcodes);
        assertThat(fault.reason()).isEqualTo(reason);
    }

    protected static URI uri(String s) {
        return URI.create(s);
    }
}
