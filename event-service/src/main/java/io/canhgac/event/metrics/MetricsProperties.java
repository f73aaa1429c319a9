package io.canhgac.event.metrics;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Prometheus scraping.
 *
 * @param scrapeToken the bearer token Prometheus sends to {@code /actuator/prometheus}
 *                    ({@code authorization: {credentials: ...}} in its scrape config); at least 24
 *                    characters. Blank: the endpoint refuses every caller.
 */
@Validated
@ConfigurationProperties("canhgac.metrics")
record MetricsProperties(@DefaultValue("") @Pattern(regexp = "^$|^.{24,}$", message = "must have at least 24 characters")
                         String scrapeToken) {
}
