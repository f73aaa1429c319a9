package io.canhgac.event.link;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * Gateways open their control link at {@code /api/ingest/link}: under the ingest security chain, so
 * the upgrade request needs the gateway's bearer token like every other ingest route.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(LinkProperties.class)
class LinkConfiguration implements WebSocketConfigurer {

    static final String PATH = "/api/ingest/link";
    /** A keyframe of a main stream can pass half a megabyte; a snapshot is smaller. */
    static final int MAX_BINARY_MESSAGE = 4 * 1024 * 1024;
    /** A sweep's answer lists every camera of a commune. */
    static final int MAX_TEXT_MESSAGE = 1024 * 1024;

    private final LinkEndpoint endpoint;

    LinkConfiguration(LinkEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // gateways are not browsers: no origin to check
        registry.addHandler(endpoint, PATH).setAllowedOriginPatterns("*");
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer(LinkProperties properties) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxBinaryMessageBufferSize(MAX_BINARY_MESSAGE);
        container.setMaxTextMessageBufferSize(MAX_TEXT_MESSAGE);
        container.setMaxSessionIdleTimeout(properties.idleTimeout().toMillis());
        return container;
    }
}
