package it.comune.immigrati.appointments.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import it.comune.immigrati.accounts.StaffDirectory;
import it.comune.immigrati.accounts.StaffRole;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Appointment;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Busy;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Details;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Office;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Service;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Status;
import it.comune.immigrati.appointments.internal.SlotCalendar.Slot;
import it.comune.immigrati.platform.RateLimit;
import it.comune.immigrati.platform.Secrets;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The booking rules: which times are free, holding one while the resident writes the details, booking
 * it, cancelling it. That a desk is never given twice is the database's exclusion constraint, not a
 * check here: two nodes, or sixty-four requests at once, cannot get past it. What this class adds is
 * the choice of a free desk and a clear answer when the time was just taken.
 */
@Component
class Bookings {

    /** PostgreSQL's exclusion_violation: the desk (or the mediator) is taken for an overlapping time. */
    private static final String EXCLUSION_VIOLATION = "23P01";

    private final AppointmentStore store;
    private final SlotCalendar calendar;
    private final AppointmentsProperties settings;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final AppointmentMail mail;
    private final StaffDirectory staff;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final RateLimit holdsPerClient;
    private final RateLimit unverifiedHoldsPerClient;
    private final RateLimit bookingsPerAddress;

    Bookings(AppointmentStore store, SlotCalendar calendar, AppointmentsProperties settings, Clock clock,
            PlatformTransactionManager transactionManager, AppointmentMail mail, StaffDirectory staff,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.mail = mail;
        this.staff = staff;
        this.holdsPerClient = RateLimit.perHour(settings.holdsPerClientPerHour());
        this.unverifiedHoldsPerClient = RateLimit.perHour(settings.unverifiedHoldsPerClientPerHour());
        this.bookingsPerAddress = RateLimit.of(settings.bookingsPerAddressPerDay(), Duration.ofDays(1));
    }

    Instant now() {
        return clock.instant();
    }

    // ---- free times ----

    /**
     * The free times as this node last worked them out, for at most {@code aci.appointments.free-times-cache}:
     * the database decides anyway when someone holds a time. Every change made through this node forgets
     * them at once; another node's change shows within about that time, and a time it took meanwhile
     * answers "taken".
     */
    private final FreeTimes remembered = new FreeTimes();

    /** Forgets every remembered list of free times (a booking, a cancellation, a change of hours or staff). */
    void forgetFreeTimes() {
        remembered.forget();
    }

    /**
     * After a committed change to an office, a service or an absence: forgets the free times and lets the
     * waiting list offer whatever the change opened.
     */
    void settingsChanged() {
        forgetFreeTimes();
        events.publishEvent(new TimesFreed());
    }

    /** Rises whenever this node forgets the free times: a page of times shown before may be out of date. */
    long freeTimesGeneration() {
        return remembered.generation();
    }

    /**
     * What a list of free times shown now depends on, for answers kept whole (the API's list in the page
     * cache): this node's changes, and the time on both the application's clock and the machine's, in steps
     * of {@code aci.appointments.free-times-cache}, so a kept answer is never older than about that.
     * {@code null} when nothing may be remembered.
     */
    Object freeTimesStamp() {
        Duration ttl = settings.freeTimesCache();
        if (ttl.isZero()) {
            return null;
        }
        return List.of(remembered.generation(), now().toEpochMilli() / ttl.toMillis(), System.nanoTime() / ttl.toNanos());
    }

    /** Forgets now and again when the running transaction ends, so that nobody remembers what it had not yet written. */
    void forgetFreeTimesAfterCommit() {
        forgetFreeTimes();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            forgetFreeTimes();
                        }
                    });
        }
    }

    /** Every free time of the service at the office, from the earliest it may be booked to the end of its window. */
    List<Slot> freeSlots(Service service, Office office) {
        Duration ttl = settings.freeTimesCache();
        if (ttl.isZero()) {
            return freshFreeSlots(service, office);
        }
        Instant now = now();
        List<Slot> known = remembered.get(service.id() + "/" + office.id(), now, ttl, () -> freshFreeSlots(service, office));
        Instant earliest = now.plus(Duration.ofHours(service.minNoticeHours()));
        return known.stream().filter(slot -> !slot.start().isBefore(earliest)).toList();
    }

    /** As {@link #freeSlots}, worked out now from the database. */
    List<Slot> freshFreeSlots(Service service, Office office) {
        return freeSlots(service, office, AppointmentStore.NONE);
    }

    /**
     * The times a booking may move to: its service's free times at its office, counting the time it holds
     * as free (the move frees it in the same transaction), without the time it already has. Worked out for
     * this booking, never from the shared list, which counts the booking against itself.
     */
    List<Slot> freeSlotsToMove(Appointment booked, Service service, Office office) {
        return freeSlots(service, office, booked.id()).stream().filter(slot -> !slot.start().equals(booked.start())).toList();
    }

    private List<Slot> freeSlots(Service service, Office office, long except) {
        Instant now = now();
        Instant earliest = now.plus(Duration.ofHours(service.minNoticeHours()));
        LocalDate first = earliest.atZone(SlotCalendar.ROME).toLocalDate();
        LocalDate last = now.atZone(SlotCalendar.ROME).toLocalDate().plusDays(service.maxDaysAhead());
        List<Slot> candidates = calendar.slots(store.hours(office.id(), first, last), first, last,
                Duration.ofMinutes(service.durationMinutes())).stream().filter(s -> !s.start().isBefore(earliest)).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        Instant from = candidates.get(0).start();
        Instant to = candidates.get(candidates.size() - 1).end();
        Desks desks = new Desks(store.busy(office.id(), from, to, now, except));
        Staffing staffing = staffing(service, from, to, now, except);
        return candidates.stream().filter(slot -> !desks.free(slot, office.desks()).isEmpty()
                && !staffing.free(slot).isEmpty()).toList();
    }

    /** The service's named staff, those still active, with what keeps them busy between two instants. */
    Staffing staffing(Service service, Instant from, Instant to, Instant now) {
        return staffing(service, from, to, now, AppointmentStore.NONE);
    }

    /** As above, leaving out the appointment {@code except} (one being moved). */
    private Staffing staffing(Service service, Instant from, Instant to, Instant now, long except) {
        List<String> named = store.serviceStaff(service.id());
        if (named.isEmpty()) {
            return Staffing.ANYONE;
        }
        java.util.Set<String> active = staff.activeMembers().stream().map(StaffDirectory.StaffMember::username)
                .collect(java.util.stream.Collectors.toSet());
        List<String> eligible = named.stream().filter(active::contains).toList();
        return new Staffing(eligible, store.staffBusy(eligible, from, to, now, except), store.absences(eligible,
                from.atZone(SlotCalendar.ROME).toLocalDate(), to.atZone(SlotCalendar.ROME).toLocalDate()));
    }

    /**
     * Takes the slot on the first free desk with the first free person who gives the service, inside the
     * caller's transaction: the exclusion constraints settle a race, and the next desk or person is tried.
     */
    private Optional<Appointment> takeHold(TransactionStatus tx, Service service, Office office, Slot slot, Instant until,
            String language, String client, Instant now) {
        return takeHold(tx, service, office, slot, until, language, client, now, null);
    }

    /** As above, trying {@code preferred} first among the people who give the service. */
    private Optional<Appointment> takeHold(TransactionStatus tx, Service service, Office office, Slot slot, Instant until,
            String language, String client, Instant now, String preferred) {
        forgetFreeTimesAfterCommit();
        store.expireHolds(office.id(), slot.start(), slot.end(), now);
        List<String> people = new ArrayList<>(staffing(service, slot.start(), slot.end(), now).free(slot));
        if (preferred != null && people.remove(preferred)) {
            people.add(0, preferred);
        }
        for (String person : people) {
            if (person != null) {
                store.expireStaffHolds(List.of(person), slot.start(), slot.end(), now);
            }
        }
        Desks desks = new Desks(store.busy(office.id(), slot.start(), slot.end(), now));
        for (int desk : desks.free(slot, office.desks())) {
            for (String person : people) {
                Optional<Appointment> taken = attempt(tx, () -> store.insertHold(service.id(), office.id(), desk, person,
                        slot.start(), slot.end(), until, Secrets.linkToken(), language, client));
                if (taken.isPresent()) {
                    return taken;
                }
            }
        }
        return Optional.empty();
    }

    /** The first {@code count} free times. */
    List<Slot> nextFree(Service service, Office office, int count) {
        List<Slot> free = freeSlots(service, office);
        return free.subList(0, Math.min(count, free.size()));
    }

    /** Whether {@code start} begins one of the service's times at the office, inside its booking window. */
    Optional<Slot> offered(Service service, Office office, Instant start) {
        Instant now = now();
        Instant earliest = now.plus(Duration.ofHours(service.minNoticeHours()));
        LocalDate day = start.atZone(SlotCalendar.ROME).toLocalDate();
        LocalDate last = now.atZone(SlotCalendar.ROME).toLocalDate().plusDays(service.maxDaysAhead());
        if (start.isBefore(earliest) || day.isAfter(last)) {
            return Optional.empty();
        }
        return calendar.slots(store.hours(office.id(), day, day), day, day, Duration.ofMinutes(service.durationMinutes()))
                .stream().filter(s -> s.start().equals(start)).findFirst();
    }

    /** The desks taken, by desk, each in start order, for telling whether a time is free on one of them. */
    static final class Desks {

        private final Map<Integer, NavigableMap<Instant, Instant>> byDesk = new HashMap<>();

        Desks(List<Busy> busy) {
            for (Busy b : busy) {
                byDesk.computeIfAbsent(b.desk(), d -> new TreeMap<>()).merge(b.start(), b.end(),
                        (x, y) -> x.isAfter(y) ? x : y);
            }
        }

        /** The desks (1 to {@code desks}) free for the whole slot, lowest first. */
        List<Integer> free(Slot slot, int desks) {
            List<Integer> free = new ArrayList<>();
            for (int desk = 1; desk <= desks; desk++) {
                NavigableMap<Instant, Instant> taken = byDesk.get(desk);
                if (taken == null || !overlaps(taken, slot)) {
                    free.add(desk);
                }
            }
            return free;
        }

        static boolean overlaps(NavigableMap<Instant, Instant> taken, Slot slot) {
            Map.Entry<Instant, Instant> before = taken.floorEntry(slot.start());
            if (before != null && before.getValue().isAfter(slot.start())) {
                return true;
            }
            Instant next = taken.higherKey(slot.start());
            return next != null && next.isBefore(slot.end());
        }
    }

    // ---- holding a time ----

    sealed interface HoldResult permits Held, Taken, NotOffered, Limited {
    }

    record Held(Appointment appointment) implements HoldResult {
    }

    /** Someone else has the time now. */
    record Taken() implements HoldResult {
    }

    /** Not one of the service's times (closed, past, too soon, too far ahead, or not on the grid). */
    record NotOffered() implements HoldResult {
    }

    /** This client has held too many times in the last hour. */
    record Limited() implements HoldResult {
    }

    /**
     * Holds the time for the resident for a few minutes, on the first free desk. A client whose browser
     * solved the proof of work ({@code solved}) has the normal hourly allowance; one that did not (no
     * JavaScript, or a script that grabs times) a small one within it.
     */
    HoldResult hold(Service service, Office office, Instant start, String language, String client, boolean solved) {
        Optional<Slot> slot = offered(service, office, start);
        if (slot.isEmpty()) {
            return new NotOffered();
        }
        if (solved ? !holdsPerClient.tryTake(client, 1)
                : !RateLimit.tryTakeBoth(unverifiedHoldsPerClient, client, holdsPerClient, client)) {
            return new Limited();
        }
        Instant now = now();
        Optional<Appointment> held = transactions.execute(
                tx -> takeHold(tx, service, office, slot.get(), now.plus(settings.hold()), language, client, now));
        return held.<HoldResult>map(Held::new).orElseGet(Taken::new);
    }

    /**
     * Holds a free time until {@code until}, on the first free desk, for someone on the waiting list or for
     * the office booking on a person's behalf; empty when it was just taken. No client allowance: the office
     * itself holds it.
     */
    Optional<Appointment> holdFor(Service service, Office office, Slot slot, String language, Instant until, String client) {
        Instant now = now();
        return transactions.execute(tx -> takeHold(tx, service, office, slot, until, language, client, now));
    }

    /**
     * Runs one write inside a savepoint: an exclusion violation (the desk or mediator was just taken by
     * another transaction) rolls back to it and gives empty; the transaction goes on.
     */
    private static <T> Optional<T> attempt(TransactionStatus tx, java.util.function.Supplier<T> write) {
        Object savepoint = tx.createSavepoint();
        try {
            T result = write.get();
            tx.releaseSavepoint(savepoint);
            return Optional.of(result);
        } catch (DataAccessException e) {
            if (!EXCLUSION_VIOLATION.equals(sqlState(e))) {
                throw e;
            }
            tx.rollbackToSavepoint(savepoint);
            return Optional.empty();
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    // ---- the details and the booking ----

    static final int MAX_REASON = 500;

    /** The message keys of what is wrong with the details, each naming its field. */
    static List<String> check(Details details) {
        List<String> errors = new ArrayList<>();
        if (details.email() == null || details.email().isBlank()) {
            errors.add("appointments.error.email.missing");
        } else if (!it.comune.immigrati.platform.EmailAddresses.valid(details.email().strip())) {
            errors.add("appointments.error.email.invalid");
        }
        if (details.phone() != null && !details.phone().isBlank()
                && !details.phone().strip().matches("\\+?[0-9 ./()-]{6,20}")) {
            errors.add("appointments.error.phone.invalid");
        }
        if (details.reason() != null && details.reason().strip().length() > MAX_REASON) {
            errors.add("appointments.error.reason.long");
        }
        if (details.language() == null || it.comune.immigrati.site.Language.byCode(details.language()).isEmpty()) {
            errors.add("appointments.error.language.missing");
        }
        if (!details.privacy()) {
            errors.add("appointments.error.privacy.missing");
        }
        return errors;
    }

    sealed interface StepResult permits Saved, Invalid, Expired, Booked, AwaitingConfirmation, OverCap, TooManyNoShows, Gone {
    }

    record Saved(Appointment appointment) implements StepResult {
    }

    record Invalid(List<String> errors) implements StepResult {
    }

    /** The hold ran out and the time was released. */
    record Expired(Appointment appointment) implements StepResult {
    }

    record Booked(Appointment appointment) implements StepResult {
    }

    /** A scarce service: booked once the resident confirms from the e-mail. */
    record AwaitingConfirmation(Appointment appointment) implements StepResult {
    }

    /**
     * The address already holds as many bookings of the service as one person may ({@code cap}), or
     * ({@code cap} 0) has booked as many times today as an address may.
     */
    record OverCap(Appointment appointment, int cap) implements StepResult {
    }

    /** The address missed {@code noShows} appointments lately, as many as the service allows: the office books for them. */
    record TooManyNoShows(Appointment appointment, int noShows) implements StepResult {
    }

    /** Cancelled, or otherwise no longer something this step can change. */
    record Gone(Appointment appointment) implements StepResult {
    }

    /** Saves the details on a held time. */
    StepResult saveDetails(Appointment held, Details details) {
        List<String> errors = check(details);
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        Instant now = now();
        if (held.status() != Status.HELD) {
            return new Gone(held);
        }
        if (!held.heldAt(now)) {
            return expire(held);
        }
        transactions.executeWithoutResult(tx -> store.saveDetails(held.id(), details.email().strip(),
                blankToNull(details.phone()), blankToNull(details.reason()), details.language(), details.needsMediator()));
        return new Saved(store.byId(held.id()).orElseThrow());
    }

    private StepResult expire(Appointment held) {
        transactions.executeWithoutResult(tx -> store.expireHolds(held.officeId(), held.start(), held.end(), now()));
        return new Expired(held);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Books the held time with its details: the confirmation (or, for a scarce service, the request to confirm) is mailed. */
    StepResult confirm(String token, Service service, Office office, String bookedBy) {
        Instant now = now();
        return transactions.execute(tx -> {
            Appointment held = store.lockByToken(token).orElseThrow();
            if (held.status() == Status.BOOKED || held.status() == Status.UNCONFIRMED) {
                // a second click on the same button: the booking the first one made
                return held.status() == Status.BOOKED ? new Booked(held) : new AwaitingConfirmation(held);
            }
            if (held.status() != Status.HELD || !held.hasDetails()) {
                return new Gone(held);
            }
            if (!held.heldAt(now)) {
                store.expireHolds(held.officeId(), held.start(), held.end(), now);
                return new Expired(held);
            }
            if (held.staff() != null && store.absent(held.staff(), held.start().atZone(SlotCalendar.ROME).toLocalDate())) {
                // an absence recorded while the resident was typing: a free colleague takes the booking; when
                // nobody can, it is booked anyway and the settings page lists it with the uncovered ones
                reassign(tx, held, held.staff(), now);
            }
            store.lockAddress(held.email());
            if (store.activeBookings(held.email(), service.id(), held.id(), now) >= service.maxActivePerPerson()) {
                return new OverCap(held, service.maxActivePerPerson());
            }
            if (bookedBy == null && service.maxNoShows() != null) {
                int missed = store.noShows(held.email(), now.atZone(SlotCalendar.ROME).minusMonths(12).toInstant());
                if (missed >= service.maxNoShows()) {
                    return new TooManyNoShows(held, missed);
                }
            }
            if (bookedBy == null && !bookingsPerAddress.tryTake(held.email().toLowerCase(java.util.Locale.ROOT), 1)) {
                return new OverCap(held, 0);
            }
            String code = store.nextCode(now.atZone(SlotCalendar.ROME).getYear());
            if (service.scarce() && bookedBy == null) {
                store.book(held.id(), code, Status.UNCONFIRMED, now.plus(settings.confirmWithin()), null, now);
                Appointment waiting = store.byId(held.id()).orElseThrow();
                mail.confirmationRequest(waiting, office);
                return new AwaitingConfirmation(waiting);
            }
            store.book(held.id(), code, Status.BOOKED, null, bookedBy, now);
            if (held.needsMediator()) {
                assignMediator(tx, store.byId(held.id()).orElseThrow());
            }
            Appointment booked = store.byId(held.id()).orElseThrow();
            mail.confirmation(booked, office);
            return new Booked(booked);
        });
    }

    /** The resident confirms a booking of a scarce service from the link in the e-mail. */
    StepResult confirmByResident(String token, Service service, Office office) {
        Instant now = now();
        return transactions.execute(tx -> {
            Appointment waiting = store.lockByToken(token).orElseThrow();
            if (waiting.status() == Status.BOOKED) {
                return new Booked(waiting);
            }
            if (waiting.status() != Status.UNCONFIRMED) {
                return new Gone(waiting);
            }
            if (!waiting.heldAt(now)) {
                store.expireHolds(waiting.officeId(), waiting.start(), waiting.end(), now);
                return new Expired(waiting);
            }
            store.book(waiting.id(), waiting.code(), Status.BOOKED, null, null, now);
            if (waiting.needsMediator()) {
                assignMediator(tx, store.byId(waiting.id()).orElseThrow());
            }
            Appointment booked = store.byId(waiting.id()).orElseThrow();
            mail.confirmation(booked, office);
            return new Booked(booked);
        });
    }

    /**
     * A cultural mediator who speaks the resident's language and is free at that time, if any; the
     * mediator's own exclusion constraint settles two bookings that want the same one.
     */
    private void assignMediator(TransactionStatus tx, Appointment booked) {
        assignMediator(tx, booked, null);
    }

    /** As above, trying {@code preferred} first: a moved booking keeps its mediator when they are free. */
    private void assignMediator(TransactionStatus tx, Appointment booked, String preferred) {
        List<StaffDirectory.StaffMember> members = new ArrayList<>(staff.activeMembers());
        members.sort(java.util.Comparator.comparing(member -> !member.username().equals(preferred)));
        LocalDate day = booked.start().atZone(SlotCalendar.ROME).toLocalDate();
        for (StaffDirectory.StaffMember member : members) {
            if (!member.roles().contains(StaffRole.MEDIATOR) || !member.speaks(booked.language())
                    || member.username().equals(booked.staff()) || store.absent(member.username(), day)) {
                continue;
            }
            Optional<Integer> assigned = attempt(tx, () -> store.assignMediator(booked.id(), member.username()));
            if (assigned.isPresent()) {
                return;
            }
        }
    }

    sealed interface MoveResult permits Moved, MoveRefused {
    }

    /** Moved from {@code was}; the resident has the new time by e-mail with the calendar entry replaced. */
    record Moved(Appointment appointment, Instant was) implements MoveResult {
    }

    /** Not moved, and why, as a message key: the time was taken, is not offered, or the booking can no longer change. */
    record MoveRefused(String problem) implements MoveResult {

        /** 409 when someone was quicker (the page shows the free times again), 422 otherwise. */
        int status() {
            return problem.equals("appointments.error.slot.taken") ? 409 : 422;
        }
    }

    /**
     * Moves a booking to another free time of its service and office, in one transaction: the new time is
     * taken and the old one freed together, or nothing changes. {@code by} is the staff member who moved
     * it, null for the resident.
     */
    MoveResult move(String token, Service service, Office office, Instant start, String by) {
        Optional<Slot> slot = offered(service, office, start);
        if (slot.isEmpty()) {
            return new MoveRefused("appointments.error.slot.not-offered");
        }
        Instant now = now();
        return transactions.execute(tx -> {
            Appointment booked = store.lockByToken(token).orElseThrow();
            if (!booked.changeableAt(now)) {
                return new MoveRefused("appointments.error.move.gone");
            }
            if (booked.start().equals(start)) {
                return new Moved(booked, booked.start());
            }
            store.expireHolds(office.id(), slot.get().start(), slot.get().end(), now);
            // inside the reminder's window the e-mail about the move is the reminder
            Instant remindedAt = start.isAfter(now.plus(settings.reminderBefore())) ? null : now;
            // the booking's own time is free to it: it leaves that time as it takes the new one
            Desks desks = new Desks(store.busy(office.id(), slot.get().start(), slot.get().end(), now, booked.id()));
            Staffing staffing = staffing(service, slot.get().start(), slot.get().end(), now, booked.id());
            // the person who gives it now, if free at the new time, keeps it
            List<String> people = new ArrayList<>(staffing.free(slot.get()));
            if (booked.staff() != null && people.remove(booked.staff())) {
                people.add(0, booked.staff());
            }
            for (String person : people) {
                if (person != null) {
                    store.expireStaffHolds(List.of(person), slot.get().start(), slot.get().end(), now);
                }
            }
            if (!moveTo(tx, booked, desks.free(slot.get(), office.desks()), people, slot.get(), remindedAt)) {
                return new MoveRefused("appointments.error.slot.taken");
            }
            if (booked.needsMediator()) {
                assignMediator(tx, store.byId(booked.id()).orElseThrow(), booked.mediator());
            }
            events.publishEvent(new TimesFreed());
            Appointment after = store.byId(booked.id()).orElseThrow();
            mail.moved(after, office, booked.start(), by != null);
            return new Moved(after, booked.start());
        });
    }

    /** Puts the booking on the first free desk with the first free person; false when others were quicker for all. */
    private boolean moveTo(TransactionStatus tx, Appointment booked, List<Integer> desks, List<String> people, Slot slot,
            Instant remindedAt) {
        forgetFreeTimesAfterCommit();
        for (int desk : desks) {
            for (String person : people) {
                Optional<Boolean> moved = attempt(tx, () -> {
                    store.move(booked.id(), desk, person, slot.start(), slot.end(), remindedAt);
                    return true;
                });
                if (moved.isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A staff member will be away: each of their bookings in those days goes to a colleague who gives the
     * service and is free then, and a mediator is found again where they were to mediate. Called inside
     * the transaction that records the absence.
     *
     * @return the bookings nobody could take over, for the office to move
     */
    List<Appointment> coverAbsence(List<Long> bookingIds, String away) {
        Instant now = now();
        List<Appointment> uncovered = new ArrayList<>();
        transactions.executeWithoutResult(tx -> {
            forgetFreeTimesAfterCommit();
            for (long id : bookingIds) {
                Appointment booked = store.byId(id).orElseThrow();
                if (away.equals(booked.mediator())) {
                    store.assignMediator(id, null);
                    assignMediator(tx, store.byId(id).orElseThrow());
                }
                if (away.equals(booked.staff()) && !reassign(tx, booked, away, now)) {
                    uncovered.add(booked);
                }
            }
        });
        return uncovered;
    }

    /** Gives the booking to another free person who gives its service; false when there is none. */
    private boolean reassign(TransactionStatus tx, Appointment booked, String away, Instant now) {
        Service service = store.service(booked.serviceId(), "it").orElseThrow();
        Slot slot = new Slot(booked.start(), booked.end());
        for (String person : staffing(service, slot.start(), slot.end(), now).free(slot)) {
            if (person == null || person.equals(away)) {
                continue;
            }
            store.expireStaffHolds(List.of(person), slot.start(), slot.end(), now);
            Optional<Integer> moved = attempt(tx, () -> store.giveTo(booked.id(), person));
            if (moved.isPresent()) {
                return true;
            }
        }
        return false;
    }

    sealed interface WalkInResult permits WalkedIn, NoDeskNow {
    }

    /** Recorded on the agenda as arrived, from now for the service's length. */
    record WalkedIn(Appointment appointment) implements WalkInResult {
    }

    /** Every desk (or everyone who gives the service) is taken right now. */
    record NoDeskNow() implements WalkInResult {
    }

    /**
     * Someone served at the desk without having booked: recorded from this minute, on a free desk (and with
     * the staff member recording it, when they give the service), already arrived. The same constraints
     * hold, so a walk-in never takes the desk of a booking about to begin.
     */
    WalkInResult walkIn(Service service, Office office, String language, boolean needsMediator, String reason, String by) {
        Instant now = now();
        Instant start = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Slot slot = new Slot(start, start.plus(Duration.ofMinutes(service.durationMinutes())));
        return transactions.execute(tx -> {
            Optional<Appointment> held = takeHold(tx, service, office, slot, now.plus(settings.hold()), language, "walk-in",
                    now, by);
            if (held.isEmpty()) {
                return new NoDeskNow();
            }
            store.walkIn(held.get().id(), store.nextCode(now.atZone(SlotCalendar.ROME).getYear()), blankToNull(reason),
                    needsMediator, by, now);
            if (needsMediator) {
                assignMediator(tx, store.byId(held.get().id()).orElseThrow());
            }
            return new WalkedIn(store.byId(held.get().id()).orElseThrow());
        });
    }

    /** Cancels a booking that has not happened yet; the resident is told by e-mail. */
    StepResult cancel(String token, Service service, Office office, String by) {
        Instant now = now();
        return transactions.execute(tx -> {
            Appointment appointment = store.lockByToken(token).orElseThrow();
            boolean cancellable = appointment.status() == Status.BOOKED || appointment.status() == Status.UNCONFIRMED
                    || appointment.status() == Status.HELD;
            if (!cancellable || !appointment.end().isAfter(now)) {
                return new Gone(appointment);
            }
            forgetFreeTimesAfterCommit();
            store.cancel(appointment.id(), by, now);
            if (appointment.status() != Status.HELD) {
                events.publishEvent(new TimesFreed());
            }
            Appointment cancelled = store.byId(appointment.id()).orElseThrow();
            if (appointment.status() != Status.HELD && appointment.hasDetails()) {
                mail.cancellation(cancelled, office, by != null);
            }
            return new Gone(cancelled);
        });
    }
}
