package it.comune.immigrati.practices.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The minimum yearly income a sponsor needs to bring family members to Italy (art. 29, paragraph 3 b of
 * the Testo Unico Immigrazione): the yearly assegno sociale A, plus half of A for every family member to
 * join and every dependant already living here; two or more children under 14 together add one A
 * instead of half each. The incomes of cohabiting relatives add up. Holders of international protection
 * need not show any income.
 */
public final class ReunificationIncome {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private ReunificationIncome() {
    }

    /**
     * Who would live with the sponsor.
     *
     * @param spouse          a spouse to join
     * @param childrenUnder14 children under 14 to join
     * @param olderChildren   children to join aged 14 or more (minors, or adults wholly disabled)
     * @param parents         dependent parents to join
     * @param dependantsHere  dependants already living with the sponsor in Italy
     * @param protection      the sponsor holds refugee status or subsidiary protection
     */
    public record Household(boolean spouse, int childrenUnder14, int olderChildren, int parents, int dependantsHere,
            boolean protection) {

        int toJoin() {
            return (spouse ? 1 : 0) + childrenUnder14 + olderChildren + parents;
        }
    }

    /** One line of the reckoning: a message key, how many people it is about, and what it adds. */
    public record Line(String key, int people, BigDecimal times, BigDecimal amount) {
    }

    /**
     * @param exempt   the sponsor need not show an income (no figure applies)
     * @param lines    how the required income is made up, line by line
     * @param times    the required income as a multiple of A
     * @param required the income needed, rounded up to the cent
     * @param income   the household's income
     * @param missing  how much is missing, zero when enough
     */
    public record Result(boolean exempt, List<Line> lines, BigDecimal times, BigDecimal required, BigDecimal income,
            BigDecimal missing) {

        public boolean sufficient() {
            return exempt || missing.signum() == 0;
        }
    }

    static Result assess(Household household, BigDecimal allowance, List<BigDecimal> incomes) {
        BigDecimal income = incomes.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (household.protection()) {
            return new Result(true, List.of(), BigDecimal.ZERO, BigDecimal.ZERO, income, BigDecimal.ZERO);
        }
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("practices.reunification.line.base", 1, BigDecimal.ONE, allowance));
        add(lines, "practices.reunification.line.spouse", household.spouse() ? 1 : 0, allowance);
        if (household.childrenUnder14() >= 2) {
            lines.add(new Line("practices.reunification.line.children-group", household.childrenUnder14(), BigDecimal.ONE, allowance));
        } else {
            add(lines, "practices.reunification.line.child-under-14", household.childrenUnder14(), allowance);
        }
        add(lines, "practices.reunification.line.older-children", household.olderChildren(), allowance);
        add(lines, "practices.reunification.line.parents", household.parents(), allowance);
        add(lines, "practices.reunification.line.dependants", household.dependantsHere(), allowance);
        BigDecimal times = lines.stream().map(Line::times).reduce(BigDecimal.ZERO, BigDecimal::add);
        // "not less than": a fraction of a cent is rounded up, never down
        BigDecimal required = allowance.multiply(times).setScale(2, RoundingMode.CEILING);
        BigDecimal missing = required.subtract(income).max(BigDecimal.ZERO).setScale(2, RoundingMode.CEILING);
        return new Result(false, List.copyOf(lines), times, required, income, missing);
    }

    private static void add(List<Line> lines, String key, int people, BigDecimal allowance) {
        if (people > 0) {
            BigDecimal times = HALF.multiply(BigDecimal.valueOf(people));
            lines.add(new Line(key, people, times, allowance.multiply(times)));
        }
    }
}
