package io.canhgac.event.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir where the database lives; blank for a temporary database removed at shutdown
 * @param port    TCP port on 127.0.0.1; 0 picks a free one
 */
@ConfigurationProperties("canhgac.database.embedded")
public record EmbeddedDatabaseProperties(String dataDir, int port) {
}
