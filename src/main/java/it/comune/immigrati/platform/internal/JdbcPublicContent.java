package it.comune.immigrati.platform.internal;

import java.time.Duration;

import it.comune.immigrati.platform.PublicContent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The content version in a one-row table, read again at most once a second by each node. */
@Service
class JdbcPublicContent implements PublicContent {

    private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final JdbcClient jdbc;
    private volatile long version = -1;
    private volatile long readAt;

    JdbcPublicContent(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed() {
        jdbc.sql("UPDATE content_version SET version = version + 1, updated_at = now() WHERE id = 1").update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                readAt = 0; // this node reads the new version at its next request
            }
        });
    }

    @Override
    public long version() {
        long now = System.nanoTime();
        if (version < 0 || now - readAt > REFRESH_NANOS) {
            version = jdbc.sql("SELECT version FROM content_version WHERE id = 1").query(Long.class).single();
            readAt = now;
        }
        return version;
    }
}
