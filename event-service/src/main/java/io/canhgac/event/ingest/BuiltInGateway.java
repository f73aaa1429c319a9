package io.canhgac.event.ingest;

import io.canhgac.event.gateway.GatewayRegistry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Registers the configured {@link IngestToken} as the gateway named "district", after the migrations
 * and before the web server takes requests, so the all-in-one's in-process gateway (and any gateway
 * set up with canhgac.ingest.token) keeps working unchanged.
 */
@Component
@DependsOnDatabaseInitialization
class BuiltInGateway implements InitializingBean {

    static final String NAME = "district";

    private final GatewayRegistry registry;
    private final IngestToken token;

    BuiltInGateway(GatewayRegistry registry, IngestToken token) {
        this.registry = registry;
        this.token = token;
    }

    @Override
    public void afterPropertiesSet() {
        registry.registerBuiltIn(NAME, token.value());
    }
}
