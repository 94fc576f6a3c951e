package it.comune.immigrati.platform;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means "we cannot store this right now" rather than a bug or a bad request: PostgreSQL
 * unreachable, restarting or out of resources, or no space left on a local disk (an upload being
 * received). The visitor is told to try again later, with a 503.
 */
public final class ServiceUnavailable {

    private ServiceUnavailable() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            // a commit or rollback that fails in the driver means the connection was cut under it (the
            // pool reports a connection it has already dropped as closed, without an SQLSTATE)
            if (cause instanceof TransactionSystemException failed && failed.getCause() instanceof SQLException) {
                return true;
            }
            // ENOSPC has no exception type of its own in Java, only its text from the operating system
            if (cause instanceof IOException io && io.getMessage() != null && io.getMessage().contains("No space left on device")) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && unavailable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08: connection exception; 57P0x: the server is shutting down or restarting; class 53:
     * insufficient resources (53100 disk full, 53200 out of memory, 53300 too many connections); 25006: a
     * read-only server, i.e. a standby not yet promoted during a failover.
     */
    private static boolean unavailable(String state) {
        return state.startsWith("08") || state.startsWith("57P0") || state.startsWith("53") || state.equals("25006");
    }
}
