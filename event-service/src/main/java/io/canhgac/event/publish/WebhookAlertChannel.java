package io.canhgac.event.publish;

import io.canhgac.event.alert.RaisedAlert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

/**
 * POSTs each alert as JSON with a timestamp and an HMAC-SHA256 signature ({@link WebhookSignature}).
 * 2xx: delivered. 408, 429, 5xx, timeouts and connection failures: retried by the relay. Any other
 * answer (a 4xx: the receiver refuses this request as such) is not retried.
 */
final class WebhookAlertChannel implements AlertChannel {

    static final String EVENT_HEADER = "X-Canhgac-Event";
    static final String DELIVERY_HEADER = "X-Canhgac-Delivery";

    private final URI url;
    private final WebhookProperties properties;
    private final WebhookSignature signature;
    private final Clock clock;
    private final HttpClient http;

    WebhookAlertChannel(WebhookProperties properties, Clock clock) {
        this.url = URI.create(properties.url());
        this.properties = properties;
        this.signature = new WebhookSignature(properties.secret());
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public Delivery deliver(RaisedAlert alert, byte[] json) throws IOException, InterruptedException {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "canhgac-event-service")
                .header(EVENT_HEADER, "alert.raised")
                .header(DELIVERY_HEADER, alert.id().toString())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, signature.sign(timestamp, json))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status >= 200 && status < 300) {
            return Delivery.DELIVERED;
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new IOException("webhook answered " + status);
        }
        return Delivery.REFUSED;
    }

    @Override
    public void close() {
        // HttpClient keeps no connection worth dropping between attempts
    }
}
