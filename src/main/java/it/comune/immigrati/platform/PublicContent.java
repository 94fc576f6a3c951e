package it.comune.immigrati.platform;

/**
 * The version of what the public can read. Whoever changes public content calls {@link #changed()} in
 * the same transaction; caches of rendered pages compare {@link #version()} with the one they rendered at.
 */
public interface PublicContent {

    /** Public content changes in the current transaction: the version rises when it commits. */
    void changed();

    /**
     * The current version: this node's own changes count as soon as they commit, other nodes' changes
     * within a second.
     */
    long version();
}
