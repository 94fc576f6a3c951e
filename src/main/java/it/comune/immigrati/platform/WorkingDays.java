package it.comune.immigrati.platform;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * The office's calendar: Monday to Friday, less Italy's national holidays and the Comune's patron day.
 * Service levels ("an answer within five working days") are counted with it.
 */
public final class WorkingDays {

    private static final Set<MonthDay> NATIONAL_HOLIDAYS = Set.of(
            MonthDay.of(1, 1),   // Capodanno
            MonthDay.of(1, 6),   // Epifania
            MonthDay.of(4, 25),  // Festa della Liberazione
            MonthDay.of(5, 1),   // Festa del Lavoro
            MonthDay.of(6, 2),   // Festa della Repubblica
            MonthDay.of(8, 15),  // Ferragosto
            MonthDay.of(11, 1),  // Ognissanti
            MonthDay.of(12, 8),  // Immacolata Concezione
            MonthDay.of(12, 25), // Natale
            MonthDay.of(12, 26)); // Santo Stefano

    private final MonthDay patronDay;

    public WorkingDays(MonthDay patronDay) {
        this.patronDay = patronDay;
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return false;
        }
        return !isHoliday(date);
    }

    /**
     * A national holiday, Easter Monday or the patron day, whatever the weekday: closed even for an office
     * that opens on Saturdays.
     */
    public boolean isHoliday(LocalDate date) {
        MonthDay monthDay = MonthDay.from(date);
        return NATIONAL_HOLIDAYS.contains(monthDay) || monthDay.equals(patronDay)
                || date.equals(easterMonday(date.getYear()));
    }

    /** The date {@code days} working days after {@code start} (the start day itself not counted). */
    public LocalDate plusWorkingDays(LocalDate start, int days) {
        LocalDate date = start;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** Lunedì dell'Angelo: the day after Easter Sunday (Gregorian computus, Meeus/Jones/Butcher). */
    static LocalDate easterMonday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day).plusDays(1);
    }
}
