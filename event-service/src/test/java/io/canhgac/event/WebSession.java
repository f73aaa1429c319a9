package io.canhgac.event;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A browser as far as the server can tell: a cookie jar, the login form (with its CSRF token),
 * and the CSRF header on state-changing requests. Redirects are not followed, so tests see them.
 */
public final class WebSession {

    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;
    private final String[] headers;

    private WebSession(String base, SSLContext tls, String... headers) {
        this.base = base;
        this.headers = headers;
        this.cookies = new CookieManager();
        // behind a TLS proxy the browser's cookie jar sees https, so it sends Secure cookies back
        boolean proxiedHttps = java.util.Arrays.asList(headers).indexOf("X-Forwarded-Proto") % 2 == 0
                && java.util.Arrays.asList(headers).contains("https");
        java.net.CookieHandler jar = proxiedHttps ? new java.net.CookieHandler() {
            @Override
            public java.util.Map<String, java.util.List<String>> get(URI uri, java.util.Map<String, java.util.List<String>> h) throws IOException {
                return cookies.get(asHttps(uri), h);
            }

            @Override
            public void put(URI uri, java.util.Map<String, java.util.List<String>> h) throws IOException {
                cookies.put(asHttps(uri), h);
            }
        } : cookies;
        HttpClient.Builder builder = HttpClient.newBuilder().cookieHandler(jar).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    private WebSession(String base) {
        this(base, (SSLContext) null);
    }

    /** The same browser (cookie jar, connections) talking to another node, as a load balancer would send it. */
    private WebSession(String base, WebSession same) {
        this.base = base;
        this.cookies = same.cookies;
        this.http = same.http;
        this.headers = same.headers;
    }

    /** This browser, its session and all, sent to another node of the centre. */
    public WebSession on(String otherBase) {
        return new WebSession(otherBase, this);
    }

    private static URI asHttps(URI uri) {
        return URI.create("https" + uri.toString().substring(uri.getScheme().length()));
    }

    /**
     * A browser over HTTPS trusting {@code tls}'s certificates (null: the JDK's), or one behind a proxy
     * that adds {@code headers} (name, value, …) to every request, e.g. X-Forwarded-Proto.
     */
    public static WebSession through(String base, SSLContext tls, String... headers) {
        return new WebSession(base, tls, headers);
    }

    public static WebSession anonymous(String base) {
        return new WebSession(base);
    }

    /** Signs in through the form; fails the test unless the server sends the user to the page. */
    public static WebSession login(String base, String username, String password) {
        WebSession session = new WebSession(base);
        HttpResponse<String> answer = session.submitLogin(username, password);
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("login as " + username + " refused: " + answer.statusCode() + " " + location);
        }
        return session;
    }

    /** Fetches the login page (for its CSRF cookie) and posts the form, as a browser would. */
    public HttpResponse<String> submitLogin(String username, String password) {
        get("/login.html");
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrfToken().orElse(""));
        return send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** True when the login goes back to the login page (wrong password, disabled, locked) rather than in. */
    public boolean submitLoginFails(String username, String password) {
        HttpResponse<String> answer = submitLogin(username, password);
        return answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").contains("/login.html?");
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A file (a ZIP, a PDF): the body as bytes. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** With the CSRF header a page script would add, and a JSON body. */
    public HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        csrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return send(request.build());
    }

    /** With the CSRF header, a body of any type (a CSV file, say), sent as UTF-8. */
    public HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        csrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return send(request.build());
    }

    /** A status and headers without the body. */
    public record Answer(int status, HttpHeaders headers) {
        public String location() {
            return headers.firstValue("Location").orElse("");
        }
    }

    /** Only the status and headers, for routes that may stream forever (SSE); optionally with a bearer token. */
    public Answer head(String method, String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("[]"))
                .header("Content-Type", "application/json");
        csrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = response.body()) {
                // an event stream: read up to its first event, as a browser would, before hanging up
                if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                    lines.filter(line -> line.startsWith("data:")).findFirst();
                }
            }
            return new Answer(response.statusCode(), response.headers());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A GET whose body is kept as bytes (media files), with extra headers given as name, value, name, value... */
    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public SseTestClient sse(String path) {
        return new SseTestClient(http, base + path);
    }

    /** A stream reopened as EventSource reopens it: with the id of the last message it received. */
    public SseTestClient sse(String path, String lastEventId) {
        return new SseTestClient(http, base + path, lastEventId);
    }

    public Optional<String> csrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst();
    }

    private HttpResponse<String> send(HttpRequest request) {
        if (headers.length > 0) {
            HttpRequest.Builder withHeaders = HttpRequest.newBuilder(request, (name, value) -> true);
            for (int i = 0; i + 1 < headers.length; i += 2) {
                withHeaders.header(headers[i], headers[i + 1]);
            }
            request = withHeaders.build();
        }
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
