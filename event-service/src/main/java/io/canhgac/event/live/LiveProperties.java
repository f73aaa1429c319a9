package io.canhgac.event.live;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Live view tickets: the browser gets one here and shows it to the live server.
 *
 * @param secret   shared with the gateways (HMAC key, 32+ characters); blank makes a random one for
 *                 this run, which only a live server in this process can know
 * @param url      the live server's address as browsers reach it, e.g. {@code wss://ioc.example:8081};
 *                 blank: the host the browser used for this service, on {@code port}
 * @param port     the live server's port when {@code url} is blank and no live server in this process says it
 * @param validity how long a ticket opens a stream; a browser asks again to reconnect
 */
@Validated
@ConfigurationProperties("canhgac.live")
record LiveProperties(@DefaultValue("") String secret, @DefaultValue("") String url,
                      @DefaultValue("8081") @Min(1) @Max(65535) int port, @DefaultValue("60s") Duration validity) {
}
