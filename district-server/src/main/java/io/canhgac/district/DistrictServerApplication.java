package io.canhgac.district;

import io.canhgac.event.EventServiceApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The whole system in one process, the default for a small district and for the demo: the
 * event-service, a gateway that publishes to it over HTTP like a remote one would, and (for the
 * demo) the simulated cameras.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(EventServiceApplication.class)
public class DistrictServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DistrictServerApplication.class, args);
    }
}
