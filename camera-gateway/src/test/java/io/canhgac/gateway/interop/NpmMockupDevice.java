package io.canhgac.gateway.interop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves on 127.0.0.1 the answers the npm {@code onvif} authors wrote for their mock ONVIF device
 * (test/serverMockup of the package, fetched by scripts/interop/onvif-npm-mockup.sh). Their server
 * code is not published, so this does what it evidently did: pick the answer by the request's
 * operation ("media.GetProfiles.xml" before "GetProfiles.xml"), fill the doT placeholders, answer
 * Error.xml (HTTP 500) for operations it has no answer for. Every address in the answers (HTTP and
 * RTSP) is rewritten to this loopback server, since they name the authors' camera at 192.168.68.111.
 * Credentials are not checked: the mock never checked them.
 */
final class NpmMockupDevice implements AutoCloseable {

    private static final Pattern OPERATION = Pattern.compile("<(?:[A-Za-z0-9_-]+:)?Body[^>]*>\\s*<(?:([A-Za-z0-9_-]+):)?([A-Za-z]+)");
    private static final Pattern NAMESPACE = Pattern.compile("xmlns:%s=\"([^\"]+)\"");
    private static final Map<String, String> SERVICE_PREFIXES = Map.of(
            "http://www.onvif.org/ver10/device/wsdl", "device.", "http://www.onvif.org/ver10/media/wsdl", "media.",
            "http://www.onvif.org/ver10/events/wsdl", "events.", "http://www.onvif.org/ver20/ptz/wsdl", "ptz.",
            "http://www.onvif.org/ver20/imaging/wsdl", "imaging.");
    private static final String PULL_POINT = "/onvif/subscription?Idx=0";

    private final Path answers;
    private final HttpServer server;
    private final List<String> unanswered = new CopyOnWriteArrayList<>();

    NpmMockupDevice(Path answers) throws IOException {
        this.answers = answers;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI deviceService() {
        return URI.create(base() + "/onvif/device_service");
    }

    /** The operations the gateway asked for that the mock has no answer to, in order. */
    List<String> unanswered() {
        return List.copyOf(unanswered);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = OPERATION.matcher(request);
            if (!m.find()) {
                // the stream check's RTSP request, whose address was rewritten to here: no video
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Path answer = answer(request, m.group(1), m.group(2));
            int status = 200;
            if (answer == null) {
                unanswered.add(m.group(2));
                answer = answers.resolve("Error.xml");
                status = 500;
            }
            byte[] body = render(Files.readString(answer, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/soap+xml; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Path answer(String request, String prefix, String operation) {
        String service = "";
        if (prefix != null) {
            Matcher ns = Pattern.compile(String.format(NAMESPACE.pattern(), Pattern.quote(prefix))).matcher(request);
            service = ns.find() ? SERVICE_PREFIXES.getOrDefault(ns.group(1), "") : "";
        }
        for (String name : List.of(service + operation + ".xml", operation + ".xml")) {
            Path file = answers.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    /**
     * The doT subset the answers use: {{=expression}} for the address and clock, {{? condition }}…{{?}}
     * blocks. The "bad" variants are left out; the coin-flip blocks (Math.random() &lt; 0.5) are kept,
     * so a pull always brings its motion events.
     */
    private String render(String template) {
        String host = "127.0.0.1";
        String port = String.valueOf(server.getAddress().getPort());
        String out = template.replaceAll("(?s)\\{\\{\\? it\\.bad }}.*?\\{\\{\\?}}", "")
                .replaceAll("\\{\\{\\?[^}]*}}", "").replace("{{?}}", "")
                .replace("{{=it.hostname}}", host).replace("{{=it.port}}", port).replace("{{=it.pullPointUrl}}", PULL_POINT)
                .replace("{{=new Date().toISOString()}}", Instant.now().toString())
                .replace("{{=new Date(Date.now()+5000).toISOString()}}", Instant.now().plusSeconds(5).toString());
        // every address, RTSP ones too: nothing may leave loopback (the RTSP URI then reaches this HTTP server)
        return out.replaceAll("http://192\\.168\\.\\d+\\.\\d+", base()).replaceAll("192\\.168\\.\\d+\\.\\d+", host + ":" + port);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
