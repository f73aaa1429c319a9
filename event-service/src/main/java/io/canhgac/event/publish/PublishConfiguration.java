package io.canhgac.event.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Alerts to the wider world: an MQTT broker and a signed webhook, each only when its URL is set
 * (blank or absent: no bean, no thread, no connection).
 */
@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

    @Bean
    @ConditionalOnExpression("!'${canhgac.mqtt.url:}'.isBlank()")
    AlertRelay mqttAlertRelay(MqttProperties properties, ObjectMapper json, MeterRegistry registry) {
        return new AlertRelay(new MqttAlertChannel(properties), properties.relay(), json, registry);
    }

    @Bean
    @ConditionalOnExpression("!'${canhgac.webhook.url:}'.isBlank()")
    AlertRelay webhookAlertRelay(WebhookProperties properties, ObjectMapper json, MeterRegistry registry) {
        return new AlertRelay(new WebhookAlertChannel(properties, Clock.systemUTC()), properties.relay(), json, registry);
    }
}
