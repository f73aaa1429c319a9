package io.canhgac.event.incident;

import io.canhgac.event.user.CommuneScope;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

/**
 * The benchmark's way into the package-private incident log: the service's own IncidentRepository
 * bean (so the page is timed exactly as GET /api/incidents runs it), and for EXPLAIN a second
 * repository whose JdbcTemplate hands over the SQL and arguments it was asked to run.
 */
public final class IncidentLogProbe {

    /** The SQL and bind arguments of one repository call. */
    public record Statement(String sql, Object[] args) {
    }

    private final IncidentRepository service;
    private final DataSource dataSource;

    public IncidentLogProbe(ApplicationContext context, DataSource dataSource) {
        this.service = context.getBean(IncidentRepository.class);
        this.dataSource = dataSource;
    }

    /** GET /api/incidents?status=&before=&limit= for a reader of that scope; the number of rows. */
    public int page(CommuneScope scope, String status, Instant before, int limit) {
        return service.find(scope, status == null ? null : IncidentStatus.valueOf(status), before, limit).size();
    }

    /** The statement the repository runs for that page, not timed. */
    public Statement statement(CommuneScope scope, String status, Instant before, int limit) {
        Capturing jdbc = new Capturing(dataSource);
        new IncidentRepository(jdbc).find(scope, status == null ? null : IncidentStatus.valueOf(status), before, limit);
        return new Statement(jdbc.sql, jdbc.args);
    }

    private static final class Capturing extends JdbcTemplate {
        private String sql;
        private Object[] args;

        Capturing(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
            this.sql = sql;
            this.args = args;
            return List.of();
        }
    }
}
