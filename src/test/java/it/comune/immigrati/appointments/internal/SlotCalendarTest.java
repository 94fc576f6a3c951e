package it.comune.immigrati.appointments.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.appointments.internal.SlotCalendar.Hours;
import it.comune.immigrati.appointments.internal.SlotCalendar.Opening;
import it.comune.immigrati.appointments.internal.SlotCalendar.Slot;
import it.comune.immigrati.platform.WorkingDays;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which times an office offers: weekly hours, holidays, days of their own, daylight-saving changes. */
class SlotCalendarTest {

    private final SlotCalendar calendar = new SlotCalendar(new WorkingDays(MonthDay.of(12, 26)));

    private static Opening opening(String from, String to) {
        return new Opening(LocalTime.parse(from), LocalTime.parse(to));
    }

    /** Monday 9:00-12:30 and Wednesday 14:30-17:30, as the Comune's desk. */
    private static final Map<DayOfWeek, List<Opening>> WEEK = Map.of(
            DayOfWeek.MONDAY, List.of(opening("09:00", "12:30")),
            DayOfWeek.WEDNESDAY, List.of(opening("14:30", "17:30")),
            DayOfWeek.SATURDAY, List.of(opening("09:00", "10:00")));

    private List<Slot> slots(Map<LocalDate, List<Opening>> exceptions, String first, String last, int minutes) {
        return calendar.slots(new Hours(WEEK, exceptions), LocalDate.parse(first), LocalDate.parse(last),
                Duration.ofMinutes(minutes));
    }

    @Test
    void aWeekGivesTheOpeningsCutIntoAppointmentsThatEndBeforeClosing() {
        // Monday 2 to Sunday 8 November 2026
        List<Slot> slots = slots(Map.of(), "2026-11-02", "2026-11-08", 45);
        // Monday 9:00-12:30 → 9:00, 9:45, 10:30, 11:15 (12:00 would end at 12:45); Wednesday 14:30-17:30 → four;
        // Saturday 9:00-10:00 → one
        assertThat(slots).extracting(s -> s.startInRome().toLocalDateTime().toString()).containsExactly(
                "2026-11-02T09:00", "2026-11-02T09:45", "2026-11-02T10:30", "2026-11-02T11:15",
                "2026-11-04T14:30", "2026-11-04T15:15", "2026-11-04T16:00", "2026-11-04T16:45",
                "2026-11-07T09:00");
        assertThat(slots).allSatisfy(s -> assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofMinutes(45)));
    }

    @Test
    void holidaysEasterMondayAndThePatronDayAreClosedEvenOnAnOpeningDay() {
        // 2026-12-08 Immacolata is a Tuesday: take Mondays and Wednesdays that are holidays
        assertThat(slots(Map.of(), "2027-03-29", "2027-03-29", 30)).as("Easter Monday 2027").isEmpty();
        assertThat(slots(Map.of(), "2025-12-08", "2025-12-08", 30)).as("Immacolata, a Monday in 2025").isEmpty();
        assertThat(slots(Map.of(), "2029-12-26", "2029-12-26", 30)).as("Santo Stefano and patron day, a Wednesday").isEmpty();
        assertThat(slots(Map.of(), "2026-04-25", "2026-04-25", 30)).as("Liberazione, a Saturday the office opens").isEmpty();
        assertThat(slots(Map.of(), "2027-04-05", "2027-04-05", 30)).as("the Monday after").hasSize(7);
    }

    @Test
    void aDayOfItsOwnClosesReducesOrOpensOnPurpose() {
        LocalDate monday = LocalDate.parse("2026-11-09");
        LocalDate tuesday = LocalDate.parse("2026-11-10");
        LocalDate holiday = LocalDate.parse("2026-12-08");
        Map<LocalDate, List<Opening>> exceptions = Map.of(monday, List.of(opening("09:00", "10:00")),
                tuesday, List.of(opening("15:00", "16:00")), holiday, List.of(opening("10:00", "11:00")),
                LocalDate.parse("2026-11-11"), List.of());
        assertThat(slots(exceptions, "2026-11-09", "2026-11-11", 30)).extracting(s -> s.startInRome().toLocalDateTime().toString())
                .containsExactly("2026-11-09T09:00", "2026-11-09T09:30", "2026-11-10T15:00", "2026-11-10T15:30");
        assertThat(slots(exceptions, "2026-12-08", "2026-12-08", 30)).as("an extra opening on a holiday").hasSize(2);
    }

    @Test
    void nineOClockIsNineOClockOnBothSidesOfEachDaylightSavingChange() {
        // summer time starts on Sunday 29 March 2026 and ends on Sunday 25 October 2026
        Instant beforeSpring = slots(Map.of(), "2026-03-28", "2026-03-28", 60).get(0).start();
        Instant afterSpring = slots(Map.of(), "2026-03-30", "2026-03-30", 60).get(0).start();
        assertThat(beforeSpring).isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
        assertThat(afterSpring).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        Instant beforeAutumn = slots(Map.of(), "2026-10-24", "2026-10-24", 60).get(0).start();
        Instant afterAutumn = slots(Map.of(), "2026-10-26", "2026-10-26", 60).get(0).start();
        assertThat(beforeAutumn).isEqualTo(Instant.parse("2026-10-24T07:00:00Z"));
        assertThat(afterAutumn).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void theNightHourThatASwitchSkipsOrRepeatsGivesNoAppointment() {
        LocalDate spring = LocalDate.parse("2026-03-29");
        LocalDate autumn = LocalDate.parse("2026-10-25");
        Map<LocalDate, List<Opening>> night = Map.of(spring, List.of(opening("01:00", "05:00")), autumn,
                List.of(opening("01:00", "05:00")));
        // 2:00-3:00 does not exist in spring; 2:00-3:00 happens twice in autumn: both are left out
        assertThat(slots(night, "2026-03-29", "2026-03-29", 60)).extracting(s -> s.startInRome().toLocalTime().toString())
                .containsExactly("01:00", "03:00", "04:00");
        assertThat(slots(night, "2026-10-25", "2026-10-25", 60)).extracting(s -> s.startInRome().toLocalTime().toString())
                .containsExactly("01:00", "03:00", "04:00");
        assertThat(slots(night, "2026-03-29", "2026-10-25", 60))
                .allSatisfy(s -> assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofHours(1)));
    }
}
