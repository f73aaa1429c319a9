package io.canhgac.event.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which relays exist for which settings, and which settings are refused at start. */
class PublishConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({MqttProperties.class, WebhookProperties.class})
    static class Infrastructure {
        @Bean
        ObjectMapper objectMapper() {
            return new ObjectMapper();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Infrastructure.class, PublishConfiguration.class);

    @Test
    void nothingStartsWhenNeitherUrlIsSet() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AlertRelay.class));
        runner.withPropertyValues("canhgac.mqtt.url=", "canhgac.webhook.url= ")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AlertRelay.class));
    }

    @Test
    void eachUrlStartsItsOwnRelay() {
        runner.withPropertyValues("canhgac.mqtt.url=tcp://127.0.0.1:1")
                .run(context -> assertThat(context).hasSingleBean(AlertRelay.class).hasBean("mqttAlertRelay"));
        runner.withPropertyValues("canhgac.webhook.url=http://127.0.0.1:1/hook", "canhgac.webhook.secret=" + "s".repeat(32))
                .run(context -> assertThat(context).hasSingleBean(AlertRelay.class).hasBean("webhookAlertRelay"));
    }

    @Test
    void badSettingsStopTheStartWithTheirName() {
        runner.withPropertyValues("canhgac.webhook.url=http://127.0.0.1:1/hook", "canhgac.webhook.secret=short")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("secret must have at least 32"));
        runner.withPropertyValues("canhgac.mqtt.url=mqtt.example.org")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("canhgac.mqtt")
                        .hasStackTraceContaining("tcp://host:port"));
        runner.withPropertyValues("canhgac.mqtt.url=tcp://127.0.0.1:1883", "canhgac.mqtt.topic-prefix=district/#")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("topicPrefix"));
        runner.withPropertyValues("canhgac.mqtt.queue-capacity=0")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("queueCapacity"));
    }
}
