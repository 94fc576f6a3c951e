package it.comune.immigrati.platform;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Runs a piece of work again and again with a fixed pause between runs, from start to shutdown. A run
 * that fails is logged and the next run comes as usual; stopping waits for a run in progress, so that
 * nothing (a message being sent, a mailbox being read) is cut in half at shutdown.
 */
public final class Poller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final String name;
    private final TaskScheduler scheduler;
    private final Duration interval;
    private final Runnable work;
    private final ReentrantLock running = new ReentrantLock();
    private volatile ScheduledFuture<?> task;

    public Poller(String name, TaskScheduler scheduler, Duration interval, Runnable work) {
        this.name = name;
        this.scheduler = scheduler;
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
    public void start() {
        task = scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.error("{} failed; retrying at the next run", name, e);
            }
        }, interval);
    }

    @Override
    public void stop() {
        ScheduledFuture<?> scheduled = task;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        task = null;
        running.lock();
        running.unlock();
    }

    @Override
    public boolean isRunning() {
        return task != null;
    }
}
