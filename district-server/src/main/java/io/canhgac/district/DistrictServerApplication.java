package io.canhgac.district;

import io.canhgac.event.EventServiceApplication;
import io.canhgac.event.backup.BackupMain;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import java.util.Map;

/**
 * The whole system in one process, the default for a small district and for the demo: the
 * event-service, a gateway that publishes to it over HTTP like a remote one would, and (for the
 * demo) the simulated cameras.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(EventServiceApplication.class)
public class DistrictServerApplication {

    /**
     * The simulated district is the demo, so it gets the demo accounts; with real cameras
     * (canhgac.simulator.enabled=false) they are off unless asked for. Anything set overrides these.
     */
    static final Map<String, Object> DEFAULTS = Map.of("canhgac.accounts.demo", "${canhgac.simulator.enabled:true}");

    public static void main(String[] args) {
        if (BackupMain.isCommand(args)) {
            System.exit(BackupMain.run(args, System.out, System.err));
        }
        SpringApplication application = new SpringApplication(DistrictServerApplication.class);
        application.setDefaultProperties(DEFAULTS);
        application.run(args);
    }
}
