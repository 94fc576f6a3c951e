package it.comune.immigrati.platform;

import java.time.LocalDate;
import java.time.MonthDay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDaysTest {

    private final WorkingDays saronno = new WorkingDays(MonthDay.of(12, 26));
    private final WorkingDays milano = new WorkingDays(MonthDay.of(12, 7)); // Sant'Ambrogio

    @Test
    void easterMondayFollowsTheComputus() {
        assertThat(WorkingDays.easterMonday(2024)).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(WorkingDays.easterMonday(2025)).isEqualTo(LocalDate.of(2025, 4, 21));
        assertThat(WorkingDays.easterMonday(2026)).isEqualTo(LocalDate.of(2026, 4, 6));
        assertThat(WorkingDays.easterMonday(2027)).isEqualTo(LocalDate.of(2027, 3, 29));
        assertThat(WorkingDays.easterMonday(2038)).isEqualTo(LocalDate.of(2038, 4, 26));
    }

    @Test
    void weekendsHolidaysAndThePatronDayAreNotWorkingDays() {
        assertThat(saronno.isWorkingDay(LocalDate.of(2026, 11, 26))).isTrue();  // Thursday
        assertThat(saronno.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse(); // Saturday
        assertThat(saronno.isWorkingDay(LocalDate.of(2026, 6, 2))).isFalse();   // Festa della Repubblica
        assertThat(saronno.isWorkingDay(LocalDate.of(2026, 4, 6))).isFalse();   // Pasquetta
        assertThat(saronno.isWorkingDay(LocalDate.of(2026, 12, 7))).isTrue();
        assertThat(milano.isWorkingDay(LocalDate.of(2026, 12, 7))).isFalse();   // Milan's patron day
    }

    @Test
    void fiveWorkingDaysSkipTheChristmasHolidays() {
        // Wed 23 Dec 2026 + 5: Thu 24, (25, 26, 27 off), Mon 28, Tue 29, Wed 30, Thu 31
        assertThat(saronno.plusWorkingDays(LocalDate.of(2026, 12, 23), 5)).isEqualTo(LocalDate.of(2026, 12, 31));
        // Thu 26 Nov 2026 + 5: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3
        assertThat(saronno.plusWorkingDays(LocalDate.of(2026, 11, 26), 5)).isEqualTo(LocalDate.of(2026, 12, 3));
        // Friday before Easter 2026 (3 Apr) + 1: Mon 6 is Pasquetta, so Tue 7
        assertThat(saronno.plusWorkingDays(LocalDate.of(2026, 4, 3), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @Test
    void aDeadlineAlwaysFallsOnAWorkingDay() {
        LocalDate day = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < 730; i++, day = day.plusDays(1)) {
            LocalDate due = saronno.plusWorkingDays(day, 5);
            assertThat(saronno.isWorkingDay(due)).as(day.toString()).isTrue();
            long counted = day.plusDays(1).datesUntil(due.plusDays(1)).filter(saronno::isWorkingDay).count();
            assertThat(counted).as(day.toString()).isEqualTo(5);
        }
    }
}
