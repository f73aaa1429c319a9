package io.canhgac.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.canhgac.event.EventServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;


/**
 * The real event-service in the benchmark's JVM, on a loopback port, with a temporary embedded
 * PostgreSQL (fsync off, as the service's own temporary databases; the same for both sides of a
 * comparison). Closing it stops the server and removes the database.
 */
final class InProcessEventService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private InProcessEventService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static InProcessEventService start(String ingestToken) {
        // as command-line arguments: they win over the service's application.yml (default properties would not)
        return new InProcessEventService(new SpringApplicationBuilder(EventServiceApplication.class).run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--canhgac.database.embedded.data-dir=", // a temporary database, removed at close
                "--canhgac.ingest.token=" + ingestToken,
                "--canhgac.accounts.demo=true", // a throwaway database; the service refuses to start without accounts
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    HikariDataSource dataSource() {
        return context.getBean(HikariDataSource.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
