package it.comune.immigrati.accounts.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The open sessions of a staff member. A session keeps the roles it was signed in with, so a change of
 * roles or a disabled account must end them; they live in PostgreSQL (Spring Session JDBC), so deleting
 * them here signs the member out on every node.
 */
@Component
class StaffSessions {

    private final FindByIndexNameSessionRepository<?> sessions;

    StaffSessions(FindByIndexNameSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    /**
     * Ends every session of {@code username} once the current transaction commits: before it, a new
     * sign-in could still read the old roles and open a session that nothing would end.
     */
    void endAll(String username) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delete(username);
                }
            });
        } else {
            delete(username);
        }
    }

    private void delete(String username) {
        sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
    }
}
