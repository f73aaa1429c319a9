package io.canhgac.gateway.onvif;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.canhgac.gateway.onvif.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A camera on 127.0.0.1 that answers SOAP calls with canned replies chosen by the SOAP action,
 * and records every request for the test to inspect.
 */
public final class FakeCamera implements AutoCloseable {

    /** One request as the camera received it. */
    public record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public Document envelope() {
            try {
                return SecureXml.DEFAULT.parse(body);
            } catch (Exception e) {
                throw new AssertionError("request is not safe XML: " + e.getMessage(), e);
            }
        }

        /** The first element of the SOAP Body. */
        public Element bodyElement() {
            Element envelope = envelope().getDocumentElement();
            Element body = (Element) envelope.getElementsByTagNameNS(EnvelopeReader.SOAP12, "Body").item(0);
            for (var n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element) {
                    return (Element) n;
                }
            }
            throw new AssertionError("empty SOAP Body");
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A reply: status, content type, body and extra headers. */
    public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

        public static Reply soap(byte[] envelope) {
            return new Reply(200, "application/soap+xml; charset=utf-8", envelope, Map.of());
        }

        public static Reply fault(int status, byte[] envelope) {
            return new Reply(status, "application/soap+xml; charset=utf-8", envelope, Map.of());
        }

        public static Reply of(int status, String contentType, String body) {
            return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Reply(status, contentType, body, Map.copyOf(h));
        }
    }

    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*)\"");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-camera");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Function<Request, Reply>> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeCamera() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** http://127.0.0.1:port + path */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public FakeCamera reply(OnvifOperation operation, Reply reply) {
        return handle(operation, request -> reply);
    }

    public FakeCamera handle(OnvifOperation operation, Function<Request, Reply> handler) {
        handlers.put(operation.action(), handler);
        return this;
    }

    /** Serves a SOAP envelope whose "http://127.0.0.1:1" addresses are rewritten to this camera. */
    public byte[] local(byte[] envelope) {
        return new String(envelope, StandardCharsets.UTF_8).replace("http://127.0.0.1:1", uri("").toString())
                .getBytes(StandardCharsets.UTF_8);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("the camera received no request");
        }
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(request);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Matcher m = ACTION.matcher(contentType == null ? "" : contentType);
            Function<Request, Reply> handler = m.find() ? handlers.get(m.group(1)) : null;
            Reply reply = handler == null
                    ? Reply.of(500, "text/plain", "no canned reply for " + contentType)
                    : handler.apply(request);
            if (reply == null) {
                return; // the handler chose to drop the connection
            }
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
