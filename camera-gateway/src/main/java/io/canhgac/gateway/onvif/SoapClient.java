package io.canhgac.gateway.onvif;

import io.canhgac.gateway.onvif.xml.SecureXml;
import io.canhgac.gateway.onvif.xml.XmlContentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * SOAP 1.2 over HTTP to one camera. Every call carries a WS-UsernameToken whose Created follows the
 * camera's clock (see {@link #clockOffset(Duration)}); when the camera answers HTTP 401 with a
 * Digest challenge the call is repeated with HTTP Digest, and the challenge is kept for later
 * calls. Every call ends within the configured timeout, and every failure is an
 * {@link OnvifException} whose kind says what to check. Safe for use from several threads.
 */
public final class SoapClient {

    private static final Logger log = LoggerFactory.getLogger(SoapClient.class);

    private final HttpClient http;
    private final OnvifClientSettings settings;
    private final OnvifCredentials credentials;
    private final Clock clock;
    private final EnvelopeReader reader;
    private final SecureRandom random = new SecureRandom();
    private volatile Duration clockOffset = Duration.ZERO;
    private volatile HttpDigestAuthorizer digest;

    public SoapClient(HttpClient http, OnvifClientSettings settings, OnvifCredentials credentials, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.credentials = credentials;
        this.clock = clock;
        this.reader = new EnvelopeReader(new SecureXml(settings.maxResponseBytes(), settings.maxElementDepth()));
    }

    public SoapClient(OnvifClientSettings settings, OnvifCredentials credentials) {
        this(newHttpClient(settings), settings, credentials, Clock.systemUTC());
    }

    /**
     * An HTTP client for many cameras at once. HTTP/1.1 only: the JDK's default HTTP/2 upgrade
     * header confuses the small web servers inside cameras.
     */
    public static HttpClient newHttpClient(OnvifClientSettings settings) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public OnvifClientSettings settings() {
        return settings;
    }

    /** The camera's clock minus ours, measured from GetSystemDateAndTime. */
    public Duration clockOffset() {
        return clockOffset;
    }

    public void clockOffset(Duration offset) {
        this.clockOffset = offset;
    }

    /** Our clock, which the clock offset is measured against. */
    public Instant localNow() {
        return clock.instant();
    }

    /** What the camera's clock reads now, by our clock and the measured offset. */
    public Instant deviceNow() {
        return clock.instant().plus(clockOffset);
    }

    public Element call(URI endpoint, OnvifOperation operation, String body) throws OnvifException {
        return call(endpoint, operation, body, null, Duration.ZERO);
    }

    /**
     * Sends one request and returns the answer's body element, checked to be the operation's
     * response element (e.g. GetProfilesResponse).
     *
     * @param addressing WS-Addressing headers, or null
     * @param extraWait  time the camera may legitimately hold the answer (PullMessages' long poll),
     *                   added to the configured timeout
     */
    public Element call(URI endpoint, OnvifOperation operation, String body, WsAddressing addressing,
                        Duration extraWait) throws OnvifException {
        Duration budget = settings.timeout().plus(extraWait);
        long deadline = System.nanoTime() + budget.toNanos();
        HttpDigestAuthorizer authorizer = digest;
        HttpResponse<byte[]> response = exchange(endpoint, operation, body, addressing, authorizer, deadline, budget);
        if (response.statusCode() == 401 && !credentials.isAnonymous()) {
            Optional<DigestChallenge> challenge = DigestChallenge.strongest(response.headers().allValues("WWW-Authenticate"));
            if (challenge.isPresent()) {
                // a first challenge, or a new nonce because the kept one expired: answer it once
                authorizer = new HttpDigestAuthorizer(challenge.get(), random);
                digest = authorizer;
                response = exchange(endpoint, operation, body, addressing, authorizer, deadline, budget);
            }
        }
        Element content = AnswerInterpreter.interpret(reader, response, endpoint, operation, authorizer != null);
        log.debug("ONVIF {} at {}: HTTP {}", operation.operationName(), endpoint, response.statusCode());
        return content;
    }

    /** Calls and reads the answer with a parser; a parser's complaint becomes {@link OnvifFailure#BAD_RESPONSE}. */
    public <T> T call(URI endpoint, OnvifOperation operation, String body, ResponseParser<T> parser) throws OnvifException {
        return call(endpoint, operation, body, null, Duration.ZERO, parser);
    }

    public <T> T call(URI endpoint, OnvifOperation operation, String body, WsAddressing addressing, Duration extraWait,
                      ResponseParser<T> parser) throws OnvifException {
        Element response = call(endpoint, operation, body, addressing, extraWait);
        try {
            return parser.parse(response);
        } catch (XmlContentException e) {
            throw badResponse(endpoint, operation, e);
        }
    }

    /** Wraps a parser's complaint about a well-formed answer. */
    static OnvifException badResponse(URI endpoint, OnvifOperation operation, XmlContentException e) {
        return new OnvifException(OnvifFailure.BAD_RESPONSE, endpoint, operation, e.getMessage(), null, e);
    }

    private HttpResponse<byte[]> exchange(URI endpoint, OnvifOperation operation, String body, WsAddressing addressing,
                                          HttpDigestAuthorizer authorizer, long deadline, Duration budget) throws OnvifException {
        // a fresh nonce and Created for every attempt: cameras refuse a replayed token
        byte[] envelope = EnvelopeWriter.write(operation, body, token(operation), addressing);
        Duration remaining = Duration.ofNanos(deadline - System.nanoTime());
        if (remaining.isNegative() || remaining.isZero()) {
            throw timeout(endpoint, operation, budget);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(remaining)
                .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + operation.action() + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope));
        if (authorizer != null) {
            request.header("Authorization", authorizer.authorization(credentials, "POST", requestTarget(endpoint)));
        }
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request.build(), info -> new LimitedBodySubscriber(settings.maxResponseBytes()));
        try {
            // the request timeout covers the wait for headers; this also bounds a body that trickles
            return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(endpoint, operation, budget);
        } catch (ExecutionException e) {
            throw TransportFailures.classify(e.getCause(), endpoint, operation, settings.timeout(), budget);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new OnvifException(OnvifFailure.TIMEOUT, endpoint, operation, "interrupted: the gateway is stopping");
        }
    }

    private UsernameToken token(OnvifOperation operation) {
        if (!operation.authenticated() || credentials.isAnonymous()) {
            return null;
        }
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return UsernameToken.create(credentials, deviceNow(), nonce);
    }

    private static OnvifException timeout(URI endpoint, OnvifOperation operation, Duration budget) {
        return new OnvifException(OnvifFailure.TIMEOUT, endpoint, operation,
                "no complete answer within " + budget.toMillis() + " ms");
    }

    static String requestTarget(URI endpoint) {
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        return endpoint.getRawQuery() == null ? path : path + "?" + endpoint.getRawQuery();
    }
}
