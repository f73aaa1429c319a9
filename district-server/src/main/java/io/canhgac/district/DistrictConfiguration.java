package io.canhgac.district;

import io.canhgac.config.DistrictInventory;
import io.canhgac.event.ingest.IngestToken;
import io.canhgac.gateway.GatewaySettings;
import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.simulator.scene.SceneCatalog;
import io.canhgac.simulator.scene.SceneScript;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.util.function.Function;

@Configuration(proxyBeanMethods = false)
class DistrictConfiguration {

    @Bean
    @ConditionalOnProperty(name = "canhgac.simulator.enabled", havingValue = "true", matchIfMissing = true)
    SimulatorLifecycle simulatorLifecycle(DistrictInventory inventory, DistrictProperties properties,
                                          ObjectProvider<Function<String, SceneScript>> scenes) throws Exception {
        // scene names resolve through the simulator's catalogue unless a test supplies its own scenes
        return new SimulatorLifecycle(inventory, properties.simulator(), scenes.getIfAvailable(() -> SceneCatalog::get));
    }

    @Bean
    @ConditionalOnProperty(name = "canhgac.gateway.enabled", havingValue = "true", matchIfMissing = true)
    GatewayLifecycle gatewayLifecycle(DistrictInventory inventory, ObjectProvider<SimulatorLifecycle> simulator,
                                      DistrictProperties properties) {
        String spool = properties.gateway().mediaSpool();
        return new GatewayLifecycle(SimulatorLifecycle.streamUrls(inventory, simulator.getIfAvailable()),
                GatewaySettings.DEFAULTS, spool.isBlank() ? null : MediaSettings.defaults(Path.of(spool)));
    }

    @EventListener(ApplicationReadyEvent.class)
    void startGateway(ApplicationReadyEvent ready) {
        Environment env = ready.getApplicationContext().getEnvironment();
        ObjectProvider<GatewayLifecycle> gateway = ready.getApplicationContext().getBeanProvider(GatewayLifecycle.class);
        IngestToken token = ready.getApplicationContext().getBean(IngestToken.class);
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        gateway.ifAvailable(g -> g.start("http://127.0.0.1:" + port, token.value()));
    }
}
