package it.comune.immigrati.practices.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.practices.internal.PracticeRecords.Credits;
import it.comune.immigrati.practices.internal.PracticeRecords.Housing;
import it.comune.immigrati.practices.internal.PracticeRecords.Reunification;
import it.comune.immigrati.practices.internal.PracticeRecords.RuleFigure;
import it.comune.immigrati.site.FormErrors;
import org.springframework.stereotype.Service;

/**
 * The three calculators as a resident fills them in: reads the typed form, says what is wrong field by
 * field, and otherwise applies the rule with the figures in force. Nothing typed is stored.
 */
@Service
class Calculators {

    static final int ROOMS = 8;
    static final int COURSES = 4;
    private static final BigDecimal MAX_INCOME = new BigDecimal("10000000");
    private static final BigDecimal MAX_SURFACE = new BigDecimal("10000");

    private final RuleFigures figures;
    private final Clock clock;

    Calculators(RuleFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    List<Integer> years() {
        return figures.allowanceYears(today());
    }

    /** The year the form asks about: the one chosen if its figure is known, else the latest known up to this year. */
    int year(String chosen) {
        List<Integer> years = years();
        try {
            int year = Integer.parseInt(chosen);
            if (years.contains(year)) {
                return year;
            }
        } catch (NumberFormatException notAYear) {
            // the default below
        }
        // years are latest first: this year, or the latest before it, or failing both the earliest known
        int thisYear = today().getYear();
        return years.stream().filter(y -> y <= thisYear).findFirst().orElse(years.isEmpty() ? thisYear : years.get(years.size() - 1));
    }

    Reunification reunification(Map<String, String> form) {
        FormInput input = new FormInput(form);
        RuleFigure allowance = figures.inForce(RuleFigures.SOCIAL_ALLOWANCE, LocalDate.of(year(input.raw("year")), 1, 1)).orElse(null);
        boolean protection = input.checked("protection");
        ReunificationIncome.Household household = new ReunificationIncome.Household(input.checked("spouse"),
                input.count("under14", 20, "practices.error.count", 20), input.count("older", 20, "practices.error.count", 20),
                input.count("parents", 4, "practices.error.parents"), input.count("here", 20, "practices.error.count", 20), protection);
        if (household.toJoin() == 0 && input.errors().isEmpty()) {
            input.error("spouse", "practices.error.nobody");
        }
        List<BigDecimal> incomes = new ArrayList<>();
        incomes.add(input.number("income", protection ? BigDecimal.ZERO : null, MAX_INCOME, "practices.error.income"));
        for (int i = 1; i <= 3; i++) {
            incomes.add(input.number("relative" + i, BigDecimal.ZERO, MAX_INCOME, "practices.error.relative", i));
        }
        if (allowance == null && !protection) {
            input.error("year", "practices.error.year");
        }
        FormErrors errors = FormErrors.listed(input.errors());
        if (!errors.isEmpty()) {
            return new Reunification(errors, allowance, null);
        }
        BigDecimal a = allowance == null ? BigDecimal.ZERO : allowance.amount();
        return new Reunification(errors, allowance, ReunificationIncome.assess(household, a, incomes));
    }

    /** The thresholds in force today, for the page to show them before anyone calculates. */
    List<RuleFigure> housingRules() {
        return figures.housing(today()).orElse(List.of());
    }

    Housing housing(Map<String, String> form) {
        FormInput input = new FormInput(form);
        List<RuleFigure> rules = housingRules();
        BigDecimal surface = input.number("surface", null, MAX_SURFACE, "practices.error.surface");
        BigDecimal height = input.number("height", null, BigDecimal.TEN, "practices.error.height");
        if (input.errors().stream().noneMatch(e -> "height".equals(e.field())) && height.signum() == 0) {
            input.error("height", "practices.error.height");
        }
        int occupants = input.count("occupants", 30, "practices.error.occupants");
        if (occupants == 0 && input.errors().stream().noneMatch(e -> "occupants".equals(e.field()))) {
            input.error("occupants", "practices.error.occupants");
        }
        List<HousingSuitability.Room> rooms = new ArrayList<>();
        for (int i = 1; i <= ROOMS; i++) {
            String use = input.raw("room" + i + "-use");
            if (use.isEmpty()) {
                if (!input.blank("room" + i + "-surface")) {
                    input.error("room" + i + "-use", "practices.error.room.use", i);
                }
                continue;
            }
            HousingSuitability.Use kind = HousingSuitability.Use.byCode(use).orElse(null);
            if (kind == null) {
                input.error("room" + i + "-use", "practices.error.room.use", i);
                continue;
            }
            BigDecimal area = input.number("room" + i + "-surface", null, MAX_SURFACE, "practices.error.room.surface", i);
            rooms.add(new HousingSuitability.Room(kind, area, input.checked("room" + i + "-window")));
        }
        if (rooms.isEmpty() && input.errors().stream().noneMatch(e -> e.field() != null && e.field().startsWith("room"))) {
            input.error("room1-use", "practices.error.rooms");
        }
        BigDecimal roomsTotal = rooms.stream().map(HousingSuitability.Room::surface).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (input.errors().isEmpty() && roomsTotal.compareTo(surface) > 0) {
            input.error("surface", "practices.error.rooms-larger", Shown.decimal(roomsTotal), Shown.decimal(surface));
        }
        if (rules.isEmpty()) {
            input.error(null, "practices.error.no-rules");
        }
        FormErrors errors = FormErrors.listed(input.errors());
        if (!errors.isEmpty()) {
            return new Housing(errors, rules, null, occupants);
        }
        HousingSuitability.Dwelling dwelling = new HousingSuitability.Dwelling(surface, height, input.checked("studio"), rooms,
                input.checked("heating"), input.checked("extraction"));
        return new Housing(errors, rules, HousingSuitability.assess(dwelling, RuleFigures.rules(rules)), occupants);
    }

    Credits credits(Map<String, String> form) {
        FormInput input = new FormInput(form);
        IntegrationCredits.Italian italian = level(IntegrationCredits.Italian.class, input.raw("italian"));
        if (italian == null) {
            input.error("italian", "practices.error.italian");
        }
        IntegrationCredits.Civic civic = level(IntegrationCredits.Civic.class, input.raw("civic"));
        if (civic == null) {
            input.error("civic", "practices.error.civic");
        }
        String session = input.raw("session");
        if (!session.equals("yes") && !session.equals("no")) {
            input.error("session", "practices.error.session");
        }
        List<Integer> hours = new ArrayList<>();
        for (int i = 1; i <= COURSES; i++) {
            int h = input.count("course" + i, 5000, "practices.error.course", i);
            if (h > 0) {
                hours.add(h);
            }
        }
        int years = input.count("school", 13, "practices.error.school");
        int deducted = input.count("deducted", 100, "practices.error.deducted");
        FormErrors errors = FormErrors.listed(input.errors());
        if (!errors.isEmpty()) {
            return new Credits(errors, null);
        }
        return new Credits(errors, IntegrationCredits.assess(new IntegrationCredits.Record(italian, input.checked("written"), civic,
                session.equals("yes"), hours, years, deducted)));
    }

    private static <E extends Enum<E>> E level(Class<E> type, String code) {
        for (E level : type.getEnumConstants()) {
            if (IntegrationCredits.code(level).equals(code)) {
                return level;
            }
        }
        return null;
    }
}
