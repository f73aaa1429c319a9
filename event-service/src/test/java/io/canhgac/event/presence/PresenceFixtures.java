package io.canhgac.event.presence;

import io.canhgac.event.EventFixtures;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Cleaning up after tests that register gateways while the centre watches them. */
public final class PresenceFixtures {

    private PresenceFixtures() {
    }

    /**
     * Removes every gateway but the built-in 'district', with all alerts and events: revoked first, so
     * the watch raises no more for them, then deleted, again if its last look slipped an alert in between.
     */
    public static void clean(JdbcTemplate jdbc) {
        jdbc.update("UPDATE gateway SET enabled = false, revoked_at = now() WHERE name <> 'district' AND enabled");
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().untilAsserted(() -> {
            EventFixtures.clearEvents(jdbc);
            jdbc.update("DELETE FROM gateway WHERE name <> 'district'");
        });
    }
}
