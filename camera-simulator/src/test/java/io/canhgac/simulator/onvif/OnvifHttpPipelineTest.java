package io.canhgac.simulator.onvif;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole HTTP pipeline in an EmbeddedChannel, fed raw bytes as a client would send them:
 * hostile and broken requests must become faults or HTTP errors, never crash the connection.
 */
class OnvifHttpPipelineTest {

    private final OnvifDevice device = TestDevices.device();
    private final EmbeddedChannel server = new EmbeddedChannel();
    private final EmbeddedChannel client = new EmbeddedChannel(new HttpClientCodec(), new HttpObjectAggregator(1 << 20));

    OnvifHttpPipelineTest() {
        PullPointSubscriptions subscriptions = new PullPointSubscriptions(server.eventLoop(), device.events(), device.clock());
        OnvifSoapDispatcher dispatcher = new OnvifSoapDispatcher(
                new UsernameTokenVerifier(device.credentials(), device.clock(), UsernameTokenVerifier.DEFAULT_TOLERANCE),
                Map.of(Ns.TDS, new DeviceService(device), Ns.TRT, new MediaService(device),
                        Ns.TEV, new EventService(subscriptions, device.clock()), Ns.TPTZ, new PtzService(device)),
                () -> new ServiceAddresses("http://127.0.0.1:8080"));
        server.pipeline().addLast(new OnvifHttpInitializer(null, dispatcher,
                new HttpDigestAuthenticator(device.credentials(), device.clock()), device.media()));
    }

    @AfterEach
    void close() {
        server.finishAndReleaseAll();
        client.finishAndReleaseAll();
    }

    @Test
    void getSystemDateAndTimeNeedsNoCredentials() throws Exception {
        OnvifSoapClient.Reply r = post("/onvif/device_service", OnvifSoapClient.envelope("", "<tds:GetSystemDateAndTime/>"));
        assertThat(r.status()).isEqualTo(200);
        int year = Integer.parseInt(r.text("//tds:SystemDateAndTime/tt:UTCDateTime/tt:Date/tt:Year"));
        assertThat(year).isEqualTo(Instant.now().atZone(java.time.ZoneOffset.UTC).getYear());
    }

    @Test
    void everyOtherOperationNeedsThem() throws Exception {
        OnvifSoapClient.Reply r = post("/onvif/device_service", OnvifSoapClient.envelope("", "<tds:GetDeviceInformation/>"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.faultCode()).isEqualTo("env:Sender");
        assertThat(r.faultSubcodes()).containsExactly("ter:NotAuthorized");

        String wrong = OnvifSoapClient.securityHeader(TestDevices.USER, "wrong", Instant.now());
        r = post("/onvif/media_service", OnvifSoapClient.envelope(wrong, "<trt:GetProfiles/>"));
        assertThat(r.faultSubcodes()).containsExactly("ter:NotAuthorized");
    }

    @Test
    void aReplayedRequestIsRefused() throws Exception {
        String header = OnvifSoapClient.securityHeader(TestDevices.USER, TestDevices.PASSWORD, Instant.now());
        String request = OnvifSoapClient.envelope(header, "<tds:GetDeviceInformation/>");
        assertThat(post("/onvif/device_service", request).status()).isEqualTo(200);
        OnvifSoapClient.Reply replay = post("/onvif/device_service", request);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.faultSubcodes()).containsExactly("ter:NotAuthorized");
    }

    @Test
    void unsupportedOperationsAreReceiverActionNotSupported() throws Exception {
        String header = OnvifSoapClient.securityHeader(TestDevices.USER, TestDevices.PASSWORD, Instant.now());
        OnvifSoapClient.Reply r = post("/onvif/device_service", OnvifSoapClient.envelope(header, "<tds:SystemReboot/>"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.faultCode()).isEqualTo("env:Receiver");
        assertThat(r.faultSubcodes()).containsExactly("ter:ActionNotSupported");

        header = OnvifSoapClient.securityHeader(TestDevices.USER, TestDevices.PASSWORD, Instant.now());
        r = post("/onvif/device_service", OnvifSoapClient.envelope(header, "<x:Launch xmlns:x=\"urn:nowhere\"/>"));
        assertThat(r.faultSubcodes()).containsExactly("ter:ActionNotSupported");
    }

    @Test
    void malformedXmlIsASenderFaultAndTheConnectionLives() throws Exception {
        OnvifSoapClient.Reply r = post("/onvif/device_service", "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.faultSubcodes()).containsExactly("ter:WellFormed");
        assertThat(post("/onvif/device_service", "not xml at all").faultSubcodes()).containsExactly("ter:WellFormed");
        assertThat(post("/onvif/device_service", "").faultSubcodes()).containsExactly("ter:WellFormed");
        // Still answering on the same connection:
        assertThat(post("/onvif/device_service", OnvifSoapClient.envelope("", "<tds:GetSystemDateAndTime/>")).status())
                .isEqualTo(200);
    }

    @Test
    void doctypesAndEntitiesAreRefused() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>"
                + "<tds:GetSystemDateAndTime xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">&x;</tds:GetSystemDateAndTime>"
                + "</s:Body></s:Envelope>";
        OnvifSoapClient.Reply r = post("/onvif/device_service", xxe);
        assertThat(r.faultSubcodes()).containsExactly("ter:WellFormed");
        assertThat(r.xml()).doesNotContain("root:");

        String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><l>&b;</l>";
        assertThat(post("/onvif/device_service", billionLaughs).faultSubcodes()).containsExactly("ter:WellFormed");
    }

    @Test
    void soap11IsAnsweredInSoap11() throws Exception {
        FullHttpResponse response = exchange(request(HttpMethod.POST, "/onvif/device_service",
                ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                        + "<GetSystemDateAndTime xmlns=\"http://www.onvif.org/ver10/device/wsdl\"/></soap:Body></soap:Envelope>")
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).startsWith("text/xml");
        OnvifSoapClient.Reply r = OnvifSoapClient.Reply.of(response.status().code(), ByteBufUtil.getBytes(response.content()));
        response.release();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.doc().getDocumentElement().getNamespaceURI()).isEqualTo(Ns.SOAP11_ENVELOPE);
        assertThat(r.xml()).contains("<tds:GetSystemDateAndTimeResponse>");
    }

    @Test
    void oversizedBodiesAreRefusedBeforeParsing() {
        byte[] big = new byte[SafeXmlParser.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        FullHttpResponse r = exchange(request(HttpMethod.POST, "/onvif/device_service", big));
        assertThat(r.status().code()).isEqualTo(413);
        r.release();
    }

    @Test
    void unknownPathsAreNotFoundAndSoapWantsPost() {
        FullHttpResponse r = exchange(request(HttpMethod.GET, "/cgi-bin/admin.cgi", new byte[0]));
        assertThat(r.status().code()).isEqualTo(404);
        r.release();
        r = exchange(request(HttpMethod.GET, "/onvif/device_service", new byte[0]));
        assertThat(r.status().code()).isEqualTo(405);
        r.release();
    }

    @Test
    void theSnapshotAsksForDigestCredentials() {
        FullHttpResponse r = exchange(request(HttpMethod.GET, ServiceAddresses.SNAPSHOT_PATH + "?profile=sub", new byte[0]));
        assertThat(r.status().code()).isEqualTo(401);
        assertThat(r.headers().get(HttpHeaderNames.WWW_AUTHENTICATE)).startsWith("Digest realm=\"").contains("qop=\"auth\"");
        r.release();
    }

    private OnvifSoapClient.Reply post(String path, String body) throws Exception {
        FullHttpResponse r = exchange(request(HttpMethod.POST, path, body.getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(r.headers().get(HttpHeaderNames.CONTENT_TYPE)).startsWith("application/soap+xml");
            return OnvifSoapClient.Reply.of(r.status().code(), ByteBufUtil.getBytes(r.content()));
        } finally {
            r.release();
        }
    }

    private static FullHttpRequest request(HttpMethod method, String uri, byte[] body) {
        FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.HOST, "127.0.0.1");
        HttpUtil.setContentLength(r, body.length);
        return r;
    }

    /** Client codec encodes the request to bytes, the server pipeline answers, the client codec decodes. */
    private FullHttpResponse exchange(FullHttpRequest request) {
        client.writeOutbound(request);
        ByteBuf bytes;
        while ((bytes = client.readOutbound()) != null) {
            server.writeInbound(bytes);
        }
        server.runPendingTasks();
        while ((bytes = server.readOutbound()) != null) {
            client.writeInbound(bytes);
        }
        FullHttpResponse response = client.readInbound();
        assertThat(response).as("a response to " + request.method() + " " + request.uri()).isNotNull();
        return response;
    }
}
