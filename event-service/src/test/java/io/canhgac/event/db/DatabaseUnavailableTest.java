package io.canhgac.event.db;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The failures seen when PostgreSQL went away under load (DatabaseOutageTest's logs), and some that are not that. */
class DatabaseUnavailableTest {

    @Test
    void noConnectionInTimeIsTheDatabaseAway() {
        assertThat(DatabaseUnavailable.isCause(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("embedded-postgres - Connection is not available")))).isTrue();
    }

    @Test
    void aRollbackFailingAfterABrokenStatementIsTheDatabaseAway() {
        // the statement's failure, hidden behind the rollback's (Hikari: no SQL state)
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("An I/O error occurred while sending to the backend."));
        assertThat(DatabaseUnavailable.isCause(rollback)).isTrue();
    }

    @Test
    void aFailedCommitIsTheDatabaseAwayByItsSqlState() {
        assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("JDBC commit failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("JDBC commit failed",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    }

    @Test
    void constraintsAndOtherFailuresAreNot() {
        assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("JDBC commit failed",
                new SQLException("could not serialize access", "40001")))).isFalse();
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new IllegalStateException("a bug"));
        assertThat(DatabaseUnavailable.isCause(rollback)).isFalse();
    }
}
