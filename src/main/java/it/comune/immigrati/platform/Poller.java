package it.comune.immigrati.platform;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a piece of work again and again with a fixed pause between runs, from start to shutdown, on a
 * thread of its own: a run that waits on a network peer (a frozen mail server) holds up only this work,
 * never another poller's — the shared scheduler runs fixed-delay tasks on one thread, and the desk
 * mailbox stopped while the outbox waited for a frozen SMTP server. A run that fails is logged and the
 * next run comes as usual; stopping waits for a run in progress, so that nothing (a message being sent,
 * a mailbox being read) is cut in half at shutdown.
 */
public final class Poller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final String name;
    private final Duration interval;
    private final Runnable work;
    private final ReentrantLock running = new ReentrantLock();
    private volatile ScheduledExecutorService thread;

    public Poller(String name, Duration interval, Runnable work) {
        this.name = name;
        this.interval = interval;
        this.work = work;
    }

    /** One run now, in the caller's thread (never two at once). */
    public void runOnce() {
        running.lock();
        try {
            work.run();
        } finally {
            running.unlock();
        }
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.error("{} failed; retrying at the next run", name, e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        thread = executor;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService executor = thread;
        thread = null;
        if (executor != null) {
            executor.shutdown();
        }
        running.lock();
        running.unlock();
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
