package io.canhgac.event;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The event-service alone: events, cameras and live alerts over HTTP, backed by PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class EventServiceApplication {

    public static void main(String[] args) {
        if (io.canhgac.event.backup.BackupMain.isCommand(args)) {
            System.exit(io.canhgac.event.backup.BackupMain.run(args, System.out, System.err));
        }
        SpringApplication.run(EventServiceApplication.class, args);
    }
}
