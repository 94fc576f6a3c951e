package it.comune.immigrati.appointments.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import it.comune.immigrati.appointments.internal.AppointmentRecords.Appointment;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Offer;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Office;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Service;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Waiting;
import it.comune.immigrati.appointments.internal.AppointmentRecords.WaitingStatus;
import it.comune.immigrati.appointments.internal.SlotCalendar.Slot;
import it.comune.immigrati.platform.ClusterJobs;
import it.comune.immigrati.platform.EmailAddresses;
import it.comune.immigrati.platform.RateLimit;
import it.comune.immigrati.platform.Secrets;
import it.comune.immigrati.site.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The waiting list: when no time fits, a resident joins the line of a service at an office for a range
 * of days. Every half minute one node offers free times (freed by a cancellation, a move, a lapsed hold,
 * or newly opened) to those in line, strictly first come first: the time is held for the first person
 * for {@code offer-hold} and e-mailed; declined or unanswered, it passes to the next, and the person
 * stays in line without being offered that time again.
 */
@Component
class WaitingList {

    /** The client recorded on a time held for the waiting list. */
    static final String CLIENT = "waiting-list";
    /** Who booked, on the agenda, a time taken from the waiting list. */
    static final String BOOKED_BY = "lista-attesa";

    private static final Logger log = LoggerFactory.getLogger(WaitingList.class);

    private final WaitingStore waiting;
    private final AppointmentStore store;
    private final Bookings bookings;
    private final AppointmentMail mail;
    private final AppointmentsProperties settings;
    private final TransactionTemplate transactions;
    private final ClusterJobs jobs;
    private final Clock clock;
    private final RateLimit joinsPerClient;
    private static final int RETRIES = 20;
    private final java.util.concurrent.ScheduledExecutorService soon =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "waiting-list offers");
                thread.setDaemon(true);
                return thread;
            });

    WaitingList(WaitingStore waiting, AppointmentStore store, Bookings bookings, AppointmentMail mail,
            AppointmentsProperties settings, TransactionTemplate transactions, ClusterJobs jobs, Clock clock) {
        this.waiting = waiting;
        this.store = store;
        this.bookings = bookings;
        this.mail = mail;
        this.settings = settings;
        this.transactions = transactions;
        this.jobs = jobs;
        this.clock = clock;
        this.joinsPerClient = RateLimit.perHour(settings.waitingJoinsPerClientPerHour());
    }

    /**
     * Offers freed times as soon as their transaction commits (at once when the change was published after
     * its own), instead of at the next periodic run.
     */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void onTimesFreed(TimesFreed freed) {
        offerSoon(0);
    }

    /**
     * Runs the offering on this module's own thread, so that the request that freed the time does not
     * wait for it; while another run holds the job (on this node or another) it tries again shortly, up
     * to {@code RETRIES} times, since that run may have read the free times before this one was freed.
     */
    private void offerSoon(int attempt) {
        try {
            soon.schedule(() -> {
                try {
                    if (offerTimesIfFree(clock.instant()) < 0 && attempt < RETRIES) {
                        offerSoon(attempt + 1);
                    }
                } catch (RuntimeException e) {
                    log.warn("Waiting list: offering a freed time failed; the periodic run will offer it", e);
                }
            }, attempt == 0 ? 0 : 500, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // shutting down: the periodic run of the next start offers it
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        soon.shutdownNow();
    }

    sealed interface JoinResult permits Joined, JoinRefused {
    }

    record Joined(Waiting place) implements JoinResult {
    }

    /** The message keys of what is wrong, each naming its field (or none: the form's own problem). */
    record JoinRefused(List<String> errors, int status) implements JoinResult {
    }

    /** The last day the service may be booked for, from today. */
    LocalDate lastDay(Service service) {
        return today().plusDays(service.maxDaysAhead());
    }

    LocalDate today() {
        return clock.instant().atZone(SlotCalendar.ROME).toLocalDate();
    }

    JoinResult join(Service service, Office office, AppointmentRecords.WaitingForm form, String client) {
        List<String> errors = new ArrayList<>();
        if (form.email() == null || form.email().isBlank()) {
            errors.add("appointments.error.email.missing");
        } else if (!EmailAddresses.valid(form.email().strip())) {
            errors.add("appointments.error.email.invalid");
        }
        if (form.language() == null || Language.byCode(form.language()).isEmpty()) {
            errors.add("appointments.error.language.missing");
        }
        LocalDate from = day(form.from(), today());
        LocalDate to = day(form.to(), lastDay(service));
        if (from == null || from.isBefore(today()) || from.isAfter(lastDay(service))) {
            errors.add("appointments.error.waiting.from");
        }
        if (to == null || to.isAfter(lastDay(service)) || (from != null && to.isBefore(from))) {
            errors.add("appointments.error.waiting.to");
        }
        if (!form.privacy()) {
            errors.add("appointments.waiting.error.privacy.missing");
        }
        if (!errors.isEmpty()) {
            return new JoinRefused(errors, 422);
        }
        if (!joinsPerClient.tryTake(client, 1)) {
            return new JoinRefused(List.of("appointments.error.rate"), 429);
        }
        String email = form.email().strip();
        return transactions.execute(tx -> {
            store.lockAddress(email);
            if (waiting.inLine(email, service.id())) {
                return new JoinRefused(List.of("appointments.error.waiting.already"), 409);
            }
            Waiting place = waiting.insert(Secrets.linkToken(), service.id(), office.id(), from, to, email, form.language(),
                    form.needsMediator(), client);
            mail.waitingJoined(place, office);
            return new Joined(place);
        });
    }

    private static LocalDate day(String text, LocalDate blank) {
        if (text == null || text.isBlank()) {
            return blank;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Offers free times to those in line, first come first; lapsed offers pass on first. One node at a
     * time does it.
     *
     * @return how many times were offered
     */
    int offerTimes(Instant now) {
        return Math.max(0, offerTimesIfFree(now));
    }

    /** As {@link #offerTimes}, or -1 when another run holds the job. */
    private int offerTimesIfFree(Instant now) {
        Integer made = transactions.execute(tx -> {
            if (!jobs.exclusive("appointments.waiting-list")) {
                return -1;
            }
            for (Offer lapsed : waiting.lapsedOffers(now)) {
                waiting.closeOffer(lapsed.id(), "EXPIRED");
                waiting.byId(lapsed.waitingId()).filter(w -> w.status() == WaitingStatus.OFFERED)
                        .ifPresent(w -> waiting.setStatus(w.id(), WaitingStatus.WAITING));
            }
            LocalDate today = now.atZone(SlotCalendar.ROME).toLocalDate();
            waiting.endPassed(today);
            Map<String, List<Slot>> free = new HashMap<>();
            int offered = 0;
            for (Waiting place : waiting.waitingInOrder(today, 500)) {
                Service service = store.service(place.serviceId(), place.language()).orElseThrow();
                Office office = store.office(place.officeId()).orElseThrow();
                List<Slot> times = free.computeIfAbsent(place.serviceId() + "/" + place.officeId(),
                        key -> new ArrayList<>(bookings.freshFreeSlots(service, office)));
                Set<Instant> before = new HashSet<>(waiting.offeredStarts(place.id()));
                for (Slot slot : List.copyOf(times)) {
                    LocalDate day = slot.startInRome().toLocalDate();
                    if (day.isBefore(place.fromDay()) || day.isAfter(place.toDay()) || before.contains(slot.start())) {
                        continue;
                    }
                    times.remove(slot);
                    Instant until = now.plus(settings.offerHold()).isBefore(slot.start()) ? now.plus(settings.offerHold())
                            : slot.start();
                    Optional<Appointment> held = bookings.holdFor(service, office, slot, place.language(), until, CLIENT);
                    if (held.isPresent()) {
                        waiting.insertOffer(place.id(), held.get().id(), slot.start(), until);
                        waiting.setStatus(place.id(), WaitingStatus.OFFERED);
                        mail.waitingOffer(place, held.get(), office, until);
                        offered++;
                        break;
                    }
                }
            }
            return offered;
        });
        if (made != null && made > 0) {
            log.info("Waiting list: {} times offered", made);
        }
        return made == null ? 0 : made;
    }

    sealed interface AnswerResult permits Accepted, NoOffer, AcceptRefused {
    }

    record Accepted(Appointment appointment) implements AnswerResult {
    }

    /** Nothing is offered now (it lapsed, or was answered already). */
    record NoOffer() implements AnswerResult {
    }

    /** The booking rules refused it (e.g. the address already holds a booking of the service). */
    record AcceptRefused(String problem) implements AnswerResult {
    }

    /** The resident takes the offered time: it is booked with the details given on joining. */
    AnswerResult accept(String token) {
        Instant now = clock.instant();
        return transactions.execute(tx -> {
            Waiting place = waiting.lockByToken(token).orElseThrow();
            Optional<Offer> offer = waiting.openOffer(place.id());
            if (offer.isEmpty()) {
                return new NoOffer();
            }
            Appointment held = store.byId(offer.get().appointmentId()).orElseThrow();
            if (!held.heldAt(now)) {
                waiting.closeOffer(offer.get().id(), "EXPIRED");
                waiting.setStatus(place.id(), WaitingStatus.WAITING);
                return new NoOffer();
            }
            store.saveDetails(held.id(), place.email(), null, null, place.language(), place.needsMediator());
            Service service = store.service(place.serviceId(), place.language()).orElseThrow();
            Office office = store.office(place.officeId()).orElseThrow();
            Bookings.StepResult result = bookings.confirm(held.accessToken(), service, office, BOOKED_BY);
            if (result instanceof Bookings.Booked booked) {
                waiting.closeOffer(offer.get().id(), "ACCEPTED");
                waiting.setStatus(place.id(), WaitingStatus.BOOKED);
                return new Accepted(booked.appointment());
            }
            tx.setRollbackOnly();
            return new AcceptRefused(result instanceof Bookings.OverCap ? "appointments.error.cap"
                    : "appointments.error.waiting.gone");
        });
    }

    /** The resident does not want the offered time: it is released for the next in line; they stay in line. */
    boolean decline(String token) {
        Instant now = clock.instant();
        Boolean done = transactions.execute(tx -> {
            Waiting place = waiting.lockByToken(token).orElseThrow();
            Optional<Offer> offer = waiting.openOffer(place.id());
            offer.ifPresent(o -> release(o, "DECLINED", now));
            if (place.status() == WaitingStatus.OFFERED) {
                waiting.setStatus(place.id(), WaitingStatus.WAITING);
            }
            return offer.isPresent();
        });
        return Boolean.TRUE.equals(done);
    }

    /** The resident leaves the line; a time held for them is released. */
    void leave(String token) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            Waiting place = waiting.lockByToken(token).orElseThrow();
            if (!place.inLine()) {
                return;
            }
            waiting.openOffer(place.id()).ifPresent(o -> release(o, "DECLINED", now));
            waiting.setStatus(place.id(), WaitingStatus.LEFT);
        });
    }

    private void release(Offer offer, String outcome, Instant now) {
        waiting.closeOffer(offer.id(), outcome);
        store.byId(offer.appointmentId()).filter(a -> a.status() == AppointmentRecords.Status.HELD)
                .ifPresent(a -> store.cancel(a.id(), CLIENT, now));
        // the next in line has the time at once
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        offerSoon(0);
                    }
                });
    }

    Optional<Waiting> byToken(String token) {
        return waiting.byToken(token);
    }

    int ahead(Waiting place) {
        return waiting.ahead(place);
    }

    Optional<Offer> openOffer(Waiting place) {
        return waiting.openOffer(place.id());
    }
}
