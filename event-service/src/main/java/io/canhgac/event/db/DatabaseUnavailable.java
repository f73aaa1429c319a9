package io.canhgac.event.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * What a request answers while PostgreSQL is away: 503 and "retry", never a 4xx, which a gateway
 * takes as final and drops its batch for (camera-gateway's HttpEventPublisher retries 5xx).
 */
public final class DatabaseUnavailable {

    /** Seconds, for Retry-After: about the pool's connection timeout, so a retry meets a fresh attempt. */
    public static final String RETRY_AFTER = "5";

    private DatabaseUnavailable() {
    }

    /**
     * Whether the failure is the database being unreachable (no connection in time, a connection
     * broken mid-statement, the server shutting down), here or among its causes.
     */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // CannotGetJdbcConnectionException is a DataAccessResourceFailureException; SQL states
            // 08 (connection) and 57 (operator intervention: shutdown) translate to one too
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException || t instanceof RecoverableDataAccessException
                    || t instanceof SQLException sql && lostConnection(sql)) {
                return true;
            }
            // a statement failed on a dead connection, then so did the rollback (Hikari's "Connection is
            // closed", no SQL state): the rollback's exception hides the statement's
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null
                    && isCause(tx.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** Untranslated, as a failed commit or rollback is reported: by its class or SQL state. */
    private static boolean lostConnection(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException
                || state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** The 503 written where no controller advice reaches: a filter's exceptions (the session store, a gateway's token). */
    public static void write(HttpServletResponse response, ObjectMapper json) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem());
    }

    public static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "database unavailable, retry");
        problem.setTitle("Database unavailable");
        return problem;
    }
}
