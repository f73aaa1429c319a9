package io.canhgac.event.publish;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Raised alerts published to an MQTT broker, as JSON with QoS 1 on
 * {@code <topicPrefix>/<commune id>/<camera id>/alert}. Nothing starts while {@code url} is blank.
 *
 * @param url           the broker, {@code tcp://host:1883} or {@code ssl://host:8883}; blank: no MQTT
 * @param topicPrefix   first topic level(s), without a trailing slash
 * @param clientId      MQTT client id; two nodes of one district need two ids
 * @param username      optional
 * @param password      optional, with the username
 * @param queueCapacity alerts held in memory while the broker is away; past it the newest are dropped and counted
 * @param retryMin      first wait after a failed connection or publish
 * @param retryMax      longest wait between attempts
 * @param timeout       for connecting and for a publish to be acknowledged
 */
@Validated
@ConfigurationProperties("canhgac.mqtt")
record MqttProperties(@DefaultValue("") @Pattern(regexp = "^$|^(tcp|ssl)://[^/\\s]+$", message = "must be tcp://host:port or ssl://host:port")
                      String url,
                      @DefaultValue("canhgac") @NotBlank @Pattern(regexp = "^[^#+\\s]*[^#+/\\s]$", message = "no wildcards, spaces or trailing slash")
                      String topicPrefix,
                      @DefaultValue("canhgac-event-service") @NotBlank String clientId,
                      @DefaultValue("") String username,
                      @DefaultValue("") String password,
                      @DefaultValue("10000") @Min(1) @Max(1_000_000) int queueCapacity,
                      @DefaultValue("1s") Duration retryMin,
                      @DefaultValue("1m") Duration retryMax,
                      @DefaultValue("10s") Duration timeout) {

    boolean enabled() {
        return !url.isBlank();
    }

    RelaySettings relay() {
        return new RelaySettings(queueCapacity, retryMin, retryMax);
    }
}
