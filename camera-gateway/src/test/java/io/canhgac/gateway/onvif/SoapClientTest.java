package io.canhgac.gateway.onvif;

import io.canhgac.gateway.onvif.FakeCamera.Reply;
import io.canhgac.gateway.onvif.device.DeviceInformation;
import io.canhgac.gateway.onvif.device.OnvifDeviceClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The SOAP client against a loopback camera: envelopes, authentication, and every failure kind. */
class SoapClientTest {

    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final OnvifCredentials ADMIN = new OnvifCredentials("admin", "Qu\u1ebf L\u1ed9c-2024");
    static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    private FakeCamera camera;
    private URI device;
    private SoapClient soap;

    @BeforeEach
    void start() throws Exception {
        camera = new FakeCamera();
        device = camera.uri("/onvif/device_service");
        soap = client(ADMIN, Duration.ofSeconds(3));
    }

    @AfterEach
    void stop() {
        camera.close();
    }

    private static SoapClient client(OnvifCredentials credentials, Duration timeout) {
        OnvifClientSettings settings = OnvifClientSettings.DEFAULTS.withTimeout(timeout);
        return new SoapClient(SoapClient.newHttpClient(settings), settings, credentials, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void sendsSoap12EnvelopeWithActionAndBody() throws Exception {
        camera.reply(OnvifOperation.GET_DEVICE_INFORMATION, Reply.soap(OnvifCaptureTest.fixture("GetDeviceInformation.Response.xml")));
        DeviceInformation info = new OnvifDeviceClient(soap, device).getDeviceInformation();

        assertThat(info.model()).isEqualTo("CG-Bullet 2");
        FakeCamera.Request request = camera.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/onvif/device_service");
        assertThat(request.header("Content-Type")).isEqualTo(
                "application/soap+xml; charset=utf-8; action=\"http://www.onvif.org/ver10/device/wsdl/GetDeviceInformation\"");
        Element root = request.envelope().getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2003/05/soap-envelope");
        assertThat(root.getLocalName()).isEqualTo("Envelope");
        assertThat(request.bodyElement().getNamespaceURI()).isEqualTo("http://www.onvif.org/ver10/device/wsdl");
        assertThat(request.bodyElement().getLocalName()).isEqualTo("GetDeviceInformation");
        assertThat(request.header("Authorization")).as("no HTTP auth until the camera asks").isNull();
    }

    @Test
    void usernameTokenDigestIsWhatTheCameraRecomputes() throws Exception {
        camera.reply(OnvifOperation.GET_DEVICE_INFORMATION, Reply.soap(OnvifCaptureTest.fixture("GetDeviceInformation.Response.xml")));
        new OnvifDeviceClient(soap, device).getDeviceInformation();

        Token token = Token.of(camera.lastRequest());
        assertThat(token.username).isEqualTo("admin");
        assertThat(token.passwordType).endsWith("#PasswordDigest");
        assertThat(token.nonce).hasSize(16);
        assertThat(token.created).isEqualTo("2024-05-01T10:00:00.000Z");
        assertThat(token.digest).isEqualTo(recompute(token.nonce, token.created, ADMIN.password()));
        assertThat(camera.lastRequest().bodyText()).as("the password never travels").doesNotContain(ADMIN.password());
    }

    @Test
    void createdFollowsTheCameraClockAfterSynchronizing() throws Exception {
        camera.reply(OnvifOperation.GET_SYSTEM_DATE_AND_TIME, Reply.soap(OnvifCaptureTest.fixture("GetSystemDateAndTime.Response.xml")));
        camera.reply(OnvifOperation.GET_DEVICE_INFORMATION, Reply.soap(OnvifCaptureTest.fixture("GetDeviceInformation.Response.xml")));
        OnvifDeviceClient client = new OnvifDeviceClient(soap, device);

        Duration offset = client.synchronizeClock();
        assertThat(offset).isEqualTo(Duration.ofMinutes(90).plusSeconds(5));
        assertThat(soap.deviceNow()).isEqualTo(Instant.parse("2024-05-01T11:30:05Z"));
        assertThat(Token.find(camera.lastRequest())).as("GetSystemDateAndTime goes without a token").isNull();

        client.getDeviceInformation();
        Token token = Token.of(camera.lastRequest());
        assertThat(token.created).isEqualTo("2024-05-01T11:30:05.000Z");
        assertThat(token.digest).isEqualTo(recompute(token.nonce, token.created, ADMIN.password()));
    }

    @Test
    void everyCallHasAFreshNonce() throws Exception {
        camera.reply(OnvifOperation.GET_DEVICE_INFORMATION, Reply.soap(OnvifCaptureTest.fixture("GetDeviceInformation.Response.xml")));
        OnvifDeviceClient client = new OnvifDeviceClient(soap, device);
        client.getDeviceInformation();
        Token first = Token.of(camera.lastRequest());
        client.getDeviceInformation();
        Token second = Token.of(camera.lastRequest());
        assertThat(second.nonce).isNotEqualTo(first.nonce);
        assertThat(second.digest).isNotEqualTo(first.digest);
    }

    @Test
    void anonymousCredentialsSendNoToken() throws Exception {
        camera.reply(OnvifOperation.GET_DEVICE_INFORMATION, Reply.soap(OnvifCaptureTest.fixture("GetDeviceInformation.Response.xml")));
        new OnvifDeviceClient(client(OnvifCredentials.ANONYMOUS, Duration.ofSeconds(3)), device).getDeviceInformation();
        assertThat(Token.find(camera.lastRequest())).isNull();
    }

    @Test
    void answersHttpDigestChallengeAndKeepsItForLaterCalls() throws Exception {
        byte[] answer = OnvifCaptureTest.fixture("GetDeviceInformation.Response.xml");
        camera.handle(OnvifOperation.GET_DEVICE_INFORMATION, request -> {
            String authorization = request.header("Authorization");
            if (authorization == null || !digestValid(authorization, "POST", ADMIN)) {
                return Reply.of(401, "text/html", "<html>401</html>").withHeader("WWW-Authenticate",
                        "Digest realm=\"IP Camera(C2011)\", qop=\"auth\", nonce=\"4e6a63303a3562\", opaque=\"0f1e\", stale=\"FALSE\"");
            }
            return Reply.soap(answer);
        });
        OnvifDeviceClient client = new OnvifDeviceClient(soap, device);

        assertThat(client.getDeviceInformation().manufacturer()).isEqualTo("CanhGac Test");
        assertThat(camera.requests()).hasSize(2);
        assertThat(camera.requests().get(0).header("Authorization")).isNull();
        String authorization = camera.requests().get(1).header("Authorization");
        assertThat(authorization).startsWith("Digest ").contains("username=\"admin\"", "realm=\"IP Camera(C2011)\"",
                "uri=\"/onvif/device_service\"", "qop=auth", "nc=00000001", "opaque=\"0f1e\"");
        assertThat(Token.find(camera.requests().get(1))).as("the UsernameToken is still sent").isNotNull();

        client.getDeviceInformation();
        assertThat(camera.requests()).as("no second 401 round trip").hasSize(3);
        assertThat(camera.lastRequest().header("Authorization")).contains("nc=00000002");
    }

    @Test
    void wrongPasswordOverHttpDigestIsNotAuthorized() {
        camera.handle(OnvifOperation.GET_PROFILES, request -> Reply.of(401, "text/html", "<html>no</html>")
                .withHeader("WWW-Authenticate", "Digest realm=\"cam\", qop=\"auth\", nonce=\"abc\""));
        OnvifException e = catchThrowableOfType(
                () -> soap.call(camera.uri("/onvif/Media"), OnvifOperation.GET_PROFILES, "<trt:GetProfiles/>"), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.NOT_AUTHORIZED);
        assertThat(camera.requests()).hasSize(2);
        assertThat(e.getMessage()).contains("GetProfiles", camera.uri("/onvif/Media").toString(), "HTTP 401",
                "HTTP Digest", "Check the user name and password");
    }

    @Test
    void basicOnlyChallengeIsNotAnsweredInClear() {
        camera.reply(OnvifOperation.GET_PROFILES, Reply.of(401, "text/plain", "")
                .withHeader("WWW-Authenticate", "Basic realm=\"cam\""));
        OnvifException e = catchThrowableOfType(
                () -> soap.call(camera.uri("/onvif/Media"), OnvifOperation.GET_PROFILES, "<trt:GetProfiles/>"), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.NOT_AUTHORIZED);
        assertThat(camera.requests()).hasSize(1);
        assertThat(e.getMessage()).contains("without a Digest challenge we can answer");
    }

    @Test
    void notAuthorizedFaultIsNotAuthorized() {
        camera.reply(OnvifOperation.GET_DEVICE_INFORMATION, Reply.fault(400, OnvifCaptureTest.fixture("NotAuthorized.Error.xml")));
        OnvifException e = catchThrowableOfType(() -> new OnvifDeviceClient(soap, device).getDeviceInformation(), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.NOT_AUTHORIZED);
        assertThat(e.fault()).hasValueSatisfying(f -> assertThat(f.subcodes()).containsExactly("ter:NotAuthorized"));
        assertThat(e.getMessage()).contains("GetDeviceInformation", device.toString(), "ter:NotAuthorized", "clock");
    }

    @Test
    void actionNotSupportedFaultIsActionNotSupported() {
        camera.reply(OnvifOperation.GET_SERVICES, Reply.fault(500, OnvifCaptureTest.fixture("ActionNotSupported.Error.xml")));
        OnvifException e = catchThrowableOfType(() -> new OnvifDeviceClient(soap, device).getServices(), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.ACTION_NOT_SUPPORTED);
        assertThat(e.fault()).hasValueSatisfying(f -> assertThat(f.subcodeNames()).containsExactly("ActionNotSupported"));
    }

    @Test
    void serviceAddressesFallBackToCapabilitiesWhenGetServicesIsMissing() throws Exception {
        camera.reply(OnvifOperation.GET_SERVICES, Reply.fault(500, OnvifCaptureTest.fixture("ActionNotSupported.Error.xml")));
        camera.reply(OnvifOperation.GET_CAPABILITIES, Reply.soap(camera.local(OnvifCaptureTest.fixture("GetCapabilities.Response.xml"))));
        var addresses = new OnvifDeviceClient(soap, device).serviceAddresses();
        assertThat(addresses.of(OnvifService.MEDIA)).hasValue(camera.uri("/onvif/media"));
        assertThat(addresses.of(OnvifService.EVENTS)).hasValue(camera.uri("/onvif/events"));
        assertThat(addresses.of(OnvifService.IMAGING)).isEmpty();
    }

    @Test
    void refusedConnectionIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/onvif/device_service");
        OnvifException e = catchThrowableOfType(() -> new OnvifDeviceClient(soap, closed).getDeviceInformation(), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.UNREACHABLE);
        assertThat(e.getMessage()).contains(closed.toString(), "connection refused", "powered");
    }

    @Test
    void silentCameraTimesOutWithinTheConfiguredTime() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        camera.handle(OnvifOperation.GET_DEVICE_INFORMATION, request -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        SoapClient impatient = client(ADMIN, Duration.ofMillis(400));
        long start = System.nanoTime();
        OnvifException e = catchThrowableOfType(() -> new OnvifDeviceClient(impatient, device).getDeviceInformation(), OnvifException.class);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        release.countDown();
        assertThat(e.failure()).isEqualTo(OnvifFailure.TIMEOUT);
        assertThat(elapsedMs).isBetween(350L, 2500L);
        assertThat(e.getMessage()).contains("400 ms", "GetDeviceInformation");
    }

    @Test
    void htmlPageIsNotOnvif() {
        camera.reply(OnvifOperation.GET_DEVICE_INFORMATION,
                Reply.of(200, "text/html; charset=utf-8", "<!DOCTYPE html><html><body>Welcome</body></html>"));
        OnvifException e = catchThrowableOfType(() -> new OnvifDeviceClient(soap, device).getDeviceInformation(), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.NOT_ONVIF);
        assertThat(e.getMessage()).contains("HTML page", "/onvif/device_service");
    }

    @Test
    void htmlServedAsXmlIsStillNotOnvif() {
        camera.reply(OnvifOperation.GET_DEVICE_INFORMATION,
                Reply.of(200, "application/xml", "<!DOCTYPE html><html><body>Welcome</body></html>"));
        OnvifException e = catchThrowableOfType(() -> new OnvifDeviceClient(soap, device).getDeviceInformation(), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.NOT_ONVIF);
        assertThat(e.getMessage()).contains("DOCTYPE");
    }

    @Test
    void notFoundPageIsNotOnvif() {
        OnvifException e = catchThrowableOfType(
                () -> new OnvifDeviceClient(soap, camera.uri("/wrong/path")).getDeviceInformation(), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.NOT_ONVIF);
        camera.reply(OnvifOperation.GET_DEVICE_INFORMATION, Reply.of(404, "text/html", "<html>Not Found</html>"));
        e = catchThrowableOfType(() -> new OnvifDeviceClient(soap, device).getDeviceInformation(), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.NOT_ONVIF);
        assertThat(e.getMessage()).contains("HTTP 404");
    }

    @Test
    void garbageAndForeignXmlAreNotOnvif() {
        byte[] garbage = new byte[300];
        new Random(7).nextBytes(garbage);
        camera.reply(OnvifOperation.GET_DEVICE_INFORMATION, new Reply(200, "application/octet-stream", garbage, Map.of()));
        OnvifException e = catchThrowableOfType(() -> new OnvifDeviceClient(soap, device).getDeviceInformation(), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.NOT_ONVIF);

        camera.reply(OnvifOperation.GET_DEVICE_INFORMATION, Reply.of(200, "application/xml", "<config><port>80</port></config>"));
        e = catchThrowableOfType(() -> new OnvifDeviceClient(soap, device).getDeviceInformation(), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.NOT_ONVIF);
        assertThat(e.getMessage()).contains("<config>, not a SOAP Envelope");
    }

    @Test
    void oversizedAnswerIsRefusedUnread() {
        byte[] huge = ("<x>" + "z".repeat(3 * 1024 * 1024) + "</x>").getBytes(StandardCharsets.US_ASCII);
        camera.reply(OnvifOperation.GET_DEVICE_INFORMATION, new Reply(200, "application/soap+xml", huge, Map.of()));
        OnvifException e = catchThrowableOfType(() -> new OnvifDeviceClient(soap, device).getDeviceInformation(), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.NOT_ONVIF);
        assertThat(e.getMessage()).contains("larger than 1048576 bytes");
    }

    @Test
    void wrongResponseElementIsBadResponse() {
        camera.reply(OnvifOperation.GET_DEVICE_INFORMATION, Reply.soap(OnvifCaptureTest.fixture("GetProfiles.Response.xml")));
        OnvifException e = catchThrowableOfType(() -> new OnvifDeviceClient(soap, device).getDeviceInformation(), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("expected <GetDeviceInformationResponse>");
    }

    @Test
    void missingRequiredFieldIsBadResponse() {
        String noModel = new String(OnvifCaptureTest.fixture("GetDeviceInformation.Response.xml"), StandardCharsets.UTF_8)
                .replaceAll("<tds:Model>.*</tds:Model>", "");
        camera.reply(OnvifOperation.GET_DEVICE_INFORMATION, Reply.soap(noModel.getBytes(StandardCharsets.UTF_8)));
        OnvifException e = catchThrowableOfType(() -> new OnvifDeviceClient(soap, device).getDeviceInformation(), OnvifException.class);
        assertThat(e.failure()).isEqualTo(OnvifFailure.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("has no <Model>");
    }

    @Test
    void credentialsNeverPrintTheirPassword() {
        assertThat(ADMIN.toString()).contains("admin").doesNotContain(ADMIN.password());
    }

    // ---- what a camera does to check a request, written independently of the client ----------

    /** The UsernameToken fields of a request. */
    static final class Token {
        String username;
        String passwordType;
        String digest;
        byte[] nonce;
        String created;

        static Token find(FakeCamera.Request request) {
            var tokens = request.envelope().getElementsByTagNameNS(WSSE, "UsernameToken");
            if (tokens.getLength() == 0) {
                return null;
            }
            Element t = (Element) tokens.item(0);
            Token token = new Token();
            token.username = t.getElementsByTagNameNS(WSSE, "Username").item(0).getTextContent();
            Element password = (Element) t.getElementsByTagNameNS(WSSE, "Password").item(0);
            token.passwordType = password.getAttribute("Type");
            token.digest = password.getTextContent();
            token.nonce = Base64.getDecoder().decode(t.getElementsByTagNameNS(WSSE, "Nonce").item(0).getTextContent());
            token.created = t.getElementsByTagNameNS(WSU, "Created").item(0).getTextContent();
            return token;
        }

        static Token of(FakeCamera.Request request) {
            Token token = find(request);
            assertThat(token).as("UsernameToken in the request").isNotNull();
            return token;
        }
    }

    static String recompute(byte[] nonce, String created, String password) throws Exception {
        byte[] created8 = created.getBytes(StandardCharsets.UTF_8);
        byte[] password8 = password.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[nonce.length + created8.length + password8.length];
        System.arraycopy(nonce, 0, all, 0, nonce.length);
        System.arraycopy(created8, 0, all, nonce.length, created8.length);
        System.arraycopy(password8, 0, all, nonce.length + created8.length, password8.length);
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(all));
    }

    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

    /** RFC 2617 qop=auth check, as a camera's web server does it. */
    static boolean digestValid(String authorization, String method, OnvifCredentials credentials) {
        Map<String, String> p = new java.util.HashMap<>();
        Matcher m = PARAM.matcher(authorization.substring("Digest ".length()));
        while (m.find()) {
            p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String ha1 = md5(credentials.username() + ":" + p.get("realm") + ":" + credentials.password());
        String ha2 = md5(method + ":" + p.get("uri"));
        String expected = md5(ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + p.get("qop") + ":" + ha2);
        return credentials.username().equals(p.get("username")) && expected.equals(p.get("response"));
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
