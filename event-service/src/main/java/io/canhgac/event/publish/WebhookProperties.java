package io.canhgac.event.publish;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Raised alerts POSTed as JSON to a URL, signed with HMAC-SHA256 (see {@link WebhookSignature}).
 * Nothing starts while {@code url} is blank.
 *
 * @param url           http(s) URL of the receiver; blank: no webhook
 * @param secret        shared HMAC key, 32 characters or more; required with a URL
 * @param queueCapacity alerts held in memory while the receiver fails; past it the newest are dropped and counted
 * @param retryMin      first wait after a failure (connection, timeout, HTTP 408, 429 or 5xx)
 * @param retryMax      longest wait between attempts
 * @param timeout       for connecting and for the answer
 */
@Validated
@ConfigurationProperties("canhgac.webhook")
record WebhookProperties(@DefaultValue("") @Pattern(regexp = "^$|^https?://\\S+$", message = "must be an http or https URL")
                         String url,
                         @DefaultValue("") String secret,
                         @DefaultValue("10000") @Min(1) @Max(1_000_000) int queueCapacity,
                         @DefaultValue("1s") Duration retryMin,
                         @DefaultValue("5m") Duration retryMax,
                         @DefaultValue("10s") Duration timeout) {

    boolean enabled() {
        return !url.isBlank();
    }

    /** A webhook without a strong secret would let anyone forge alerts to the receiver. */
    @AssertTrue(message = "canhgac.webhook.secret must have at least 32 characters when canhgac.webhook.url is set")
    boolean isSecretStrongWhenEnabled() {
        return !enabled() || secret.length() >= 32;
    }

    RelaySettings relay() {
        return new RelaySettings(queueCapacity, retryMin, retryMax);
    }
}
