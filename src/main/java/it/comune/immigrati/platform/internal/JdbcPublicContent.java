package it.comune.immigrati.platform.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import it.comune.immigrati.platform.PublicContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The content version in a one-row table, read again at most once a second by each node. */
@Service
class JdbcPublicContent implements PublicContent {

    private static final Logger log = LoggerFactory.getLogger(JdbcPublicContent.class);
    private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final JdbcClient jdbc;
    private volatile long version = -1;
    private volatile long readAt;
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicLong changes = new AtomicLong();

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
                // this node reads the new version at its very next request; a read already under way
                // may have seen the old one, so it must not keep it
                changes.incrementAndGet();
                version = -1;
            }
        });
    }

    /**
     * One request a second reads the version while the others go on with the one known; when PostgreSQL
     * cannot be reached the known version stays, so rendered public pages are still served (nothing can
     * change them while the database is away).
     */
    @Override
    public long version() {
        long now = System.nanoTime();
        long known = version;
        if (known >= 0 && now - readAt <= REFRESH_NANOS) {
            return known;
        }
        boolean reader = reading.compareAndSet(false, true);
        if (!reader && known >= 0) {
            return known; // another request is reading it right now
        }
        try {
            long generation = changes.get();
            long read = jdbc.sql("SELECT version FROM content_version WHERE id = 1").query(Long.class).single();
            if (changes.get() == generation) {
                version = read;
                readAt = now;
            }
            return read;
        } catch (DataAccessException unavailable) {
            if (known < 0) {
                throw unavailable;
            }
            log.warn("Content version unreadable ({}); serving rendered pages of version {}", unavailable.getMessage(), known);
            readAt = now;
            return known;
        } finally {
            if (reader) {
                reading.set(false);
            }
        }
    }
}
