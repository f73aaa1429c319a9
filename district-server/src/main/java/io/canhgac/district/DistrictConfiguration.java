package io.canhgac.district;

import io.canhgac.config.DistrictInventory;
import io.canhgac.event.camera.CameraOnboardingService;
import io.canhgac.event.camera.CameraRepository;
import io.canhgac.event.camera.GatewayControl;
import io.canhgac.event.camera.GatewayControls;
import io.canhgac.event.gateway.GatewayRegistry;
import io.canhgac.event.ingest.IngestToken;
import io.canhgac.event.link.GatewayLinks;
import io.canhgac.event.link.LiveRoutes;
import io.canhgac.event.live.LiveTickets;
import io.canhgac.event.recording.CameraRecordings;
import io.canhgac.gateway.GatewaySettings;
import io.canhgac.gateway.discovery.SweepSettings;
import io.canhgac.gateway.discovery.WsDiscoveryProbe;
import io.canhgac.gateway.live.LiveSources;
import io.canhgac.gateway.live.PlaybackSources;
import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.gateway.media.MediaUploadSettings;
import io.canhgac.simulator.link.LinkRelays;
import io.canhgac.simulator.scene.SceneCatalog;
import io.canhgac.simulator.scene.SceneScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.util.function.Function;

@Configuration(proxyBeanMethods = false)
class DistrictConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DistrictConfiguration.class);
    /** The in-process gateway runs only in the all-in-one topology, and only if not switched off. */
    static final String IN_PROCESS_GATEWAY = "${canhgac.gateway.enabled:true} and '${canhgac.topology:all-in-one}'.toLowerCase() == 'all-in-one'";
    static final String COMMUNES_TOPOLOGY = "'${canhgac.topology:all-in-one}'.toLowerCase() == 'communes'";

    /** The links between commune gateways and the centre; none in the all-in-one topology. */
    @Bean(destroyMethod = "close")
    LinkRelays linkRelays() {
        return new LinkRelays();
    }

    @Bean
    @ConditionalOnProperty(name = "canhgac.simulator.enabled", havingValue = "true", matchIfMissing = true)
    SimulatorLifecycle simulatorLifecycle(DistrictInventory inventory, DistrictProperties properties, LinkRelays relays,
                                          ObjectProvider<Function<String, SceneScript>> scenes) throws Exception {
        // scene names resolve through the simulator's catalogue unless a test supplies its own scenes
        return new SimulatorLifecycle(inventory, properties.simulator(), relays, scenes.getIfAvailable(() -> SceneCatalog::get));
    }

    @Bean
    @ConditionalOnExpression(IN_PROCESS_GATEWAY)
    GatewayLifecycle gatewayLifecycle(DistrictProperties properties) {
        String spool = properties.gateway().mediaSpool();
        // in process the gateway reaches the centre over loopback: no link budget to keep
        return new GatewayLifecycle(GatewaySettings.DEFAULTS, properties.gateway(), spool.isBlank() ? null
                : MediaSettings.defaults(Path.of(spool)).withUpload(MediaUploadSettings.DEFAULTS.withBudget(0)),
                properties.gateway().recording().settings());
    }

    /** The in-process gateway's cameras' recordings, for the timeline, holds and exports. */
    @Bean
    @ConditionalOnExpression(IN_PROCESS_GATEWAY)
    CameraRecordings inProcessRecordings(GatewayLifecycle gateway) {
        return new InProcessRecordings(gateway);
    }

    @Bean
    @ConditionalOnExpression(IN_PROCESS_GATEWAY)
    GatewayControl gatewayControl(GatewayLifecycle gateway, DistrictProperties properties) {
        return new InProcessGatewayControl(gateway, WsDiscoveryProbe.anyNetwork(),
                new SweepSettings(SweepSettings.DEFAULTS.batchSize(), properties.gateway().sweepAnswerWait()),
                properties.gateway().streamCheckTimeout());
    }

    /** Started with the context, before any ticket is issued, so tickets carry its real port. */
    @Bean
    @ConditionalOnProperty(name = "canhgac.gateway.live.enabled", havingValue = "true", matchIfMissing = true)
    CentreLiveLifecycle centreLive(DistrictProperties properties, LiveRoutes routes, GatewayLinks links,
                                   ObjectProvider<GatewayLifecycle> inProcess, LiveTickets tickets) {
        DistrictProperties.Live live = properties.gateway().live();
        GatewayLifecycle local = inProcess.getIfAvailable();
        CentreLiveSources sources = local == null
                ? new CentreLiveSources(routes, links, LiveSources.none(), PlaybackSources.none(), live.linkTimeout())
                : new CentreLiveSources(routes, links, local.liveSources(), local.playbackSources(), live.linkTimeout());
        return new CentreLiveLifecycle(live, sources, tickets.secret());
    }

    @Bean
    @ConditionalOnExpression(COMMUNES_TOPOLOGY)
    CommuneGateways communeGateways(DistrictInventory inventory, DistrictProperties properties, LinkRelays relays,
                                    GatewayRegistry gateways) {
        return new CommuneGateways(inventory, properties.communes(), relays, gateways);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startGateways(ApplicationReadyEvent ready) throws Exception {
        ApplicationContext context = ready.getApplicationContext();
        Environment env = context.getEnvironment();
        int port = Integer.parseInt(env.getProperty("local.server.port", env.getProperty("server.port", "8080")));
        GatewayLifecycle inProcess = context.getBeanProvider(GatewayLifecycle.class).getIfAvailable();
        if (inProcess != null) {
            inProcess.start("http://127.0.0.1:" + port, context.getBean(IngestToken.class).value());
        }
        CommuneGateways communes = context.getBeanProvider(CommuneGateways.class).getIfAvailable();
        if (communes != null) {
            communes.start(port);
        }
        if (inProcess == null && communes == null) {
            return;
        }
        DistrictProperties properties = context.getBean(DistrictProperties.class);
        if (properties.gateway().registerInventory()) {
            InventoryRegistration registration = new InventoryRegistration(context.getBean(DistrictInventory.class),
                    context.getBeanProvider(SimulatorLifecycle.class).getIfAvailable(), context.getBean(CameraRepository.class),
                    context.getBean(CameraOnboardingService.class), context.getBean(GatewayControls.class));
            Thread worker = new Thread(() -> {
                try {
                    registration.run(properties.gateway().onvifThreads());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "inventory-registration");
            worker.setDaemon(true);
            worker.start();
        } else {
            log.info("Inventory registration is off: cameras join the gateway when a technician onboards them");
        }
    }
}
