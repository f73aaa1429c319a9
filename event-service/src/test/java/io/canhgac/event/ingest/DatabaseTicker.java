package io.canhgac.event.ingest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scheduled job that reads the database every half second through the service's pool, as a timer
 * of the service would, and lets its failures escape to the scheduler: whether it still runs after an
 * outage shows that the scheduler outlives a job's exceptions. Keeps each run's outcome.
 */
class DatabaseTicker {

    record Run(Instant at, boolean succeeded) {
    }

    private final JdbcTemplate jdbc;
    private final List<Run> runs = new CopyOnWriteArrayList<>();

    DatabaseTicker(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelay = 500)
    void tick() {
        try {
            jdbc.queryForObject("SELECT count(*) FROM camera_event", Long.class);
            runs.add(new Run(Instant.now(), true));
        } catch (RuntimeException e) {
            runs.add(new Run(Instant.now(), false));
            throw e;
        }
    }

    List<Run> between(Instant from, Instant to) {
        return runs.stream().filter(r -> !r.at().isBefore(from) && r.at().isBefore(to)).toList();
    }

    List<Run> from(Instant from) {
        return runs.stream().filter(r -> !r.at().isBefore(from)).toList();
    }

    Optional<Instant> firstSuccessFrom(Instant from) {
        return from(from).stream().filter(Run::succeeded).map(Run::at).findFirst();
    }
}
