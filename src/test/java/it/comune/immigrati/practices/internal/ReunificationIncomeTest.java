package it.comune.immigrati.practices.internal;

import java.math.BigDecimal;
import java.util.List;

import it.comune.immigrati.practices.internal.ReunificationIncome.Household;
import it.comune.immigrati.practices.internal.ReunificationIncome.Result;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Worked examples from DOMAIN.md §2 (A for 2026: € 7,101.12) and the rule's properties. */
class ReunificationIncomeTest {

    private static final BigDecimal A_2026 = new BigDecimal("7101.12");

    private static Result assess(Household household, String... incomes) {
        return ReunificationIncome.assess(household, A_2026, java.util.Arrays.stream(incomes).map(BigDecimal::new).toList());
    }

    @Test
    void aSpouseNeedsOneAndAHalfTimesTheAllowance() {
        Result result = assess(new Household(true, 0, 0, 0, 0, false), "10000");
        assertThat(result.times()).isEqualByComparingTo("1.5");
        assertThat(result.required()).isEqualByComparingTo("10651.68");
        assertThat(result.missing()).isEqualByComparingTo("651.68");
        assertThat(result.sufficient()).isFalse();
        assertThat(result.lines()).extracting(ReunificationIncome.Line::key)
                .containsExactly("practices.reunification.line.base", "practices.reunification.line.spouse");
    }

    @Test
    void twoChildrenUnder14CountAsOneAllowanceTogetherAndEveryOtherMemberAsHalf() {
        // spouse + 2 children under 14: A + ½A + A = 2.5 A
        Result result = assess(new Household(true, 2, 0, 0, 0, false), "12000", "6000");
        assertThat(result.times()).isEqualByComparingTo("2.5");
        assertThat(result.required()).isEqualByComparingTo("17752.80");
        assertThat(result.income()).isEqualByComparingTo("18000");
        assertThat(result.sufficient()).isTrue();
        assertThat(result.missing()).isEqualByComparingTo("0");
        // three children under 14 still add one A together
        assertThat(assess(new Household(false, 3, 0, 0, 0, false)).times()).isEqualByComparingTo("2");
        // one child under 14 alone adds half
        assertThat(assess(new Household(false, 1, 0, 0, 0, false)).times()).isEqualByComparingTo("1.5");
    }

    @Test
    void dependantsAlreadyHereAndParentsAddHalfEachAndTheCentIsRoundedUp() {
        // spouse, one child of 15, two parents, one dependant here: 1 + 0.5 × 5 = 3.5 A
        Result result = assess(new Household(true, 0, 1, 2, 1, false), "24853.92");
        assertThat(result.times()).isEqualByComparingTo("3.5");
        assertThat(result.required()).isEqualByComparingTo("24853.92");
        assertThat(result.sufficient()).isTrue();
        // half of an odd number of cents is rounded up: A = 7,002.97 (2025), 1.5 A = 10,504.455
        Result odd = ReunificationIncome.assess(new Household(true, 0, 0, 0, 0, false), new BigDecimal("7002.97"), List.of());
        assertThat(odd.required()).isEqualByComparingTo("10504.46");
        assertThat(odd.missing()).isEqualByComparingTo("10504.46");
    }

    @Test
    void holdersOfInternationalProtectionNeedNoIncome() {
        Result result = assess(new Household(true, 2, 1, 0, 0, true));
        assertThat(result.exempt()).isTrue();
        assertThat(result.sufficient()).isTrue();
        assertThat(result.lines()).isEmpty();
    }

    @Property
    void moreMembersNeverNeedLessIncome(@ForAll boolean spouse, @ForAll @IntRange(max = 6) int under14,
            @ForAll @IntRange(max = 6) int older, @ForAll @IntRange(max = 4) int parents, @ForAll @IntRange(max = 6) int here,
            @ForAll @IntRange(max = 4) int which) {
        Household smaller = new Household(spouse, under14, older, parents, here, false);
        Household larger = switch (which) {
            case 0 -> new Household(true, under14, older, parents, here, false);
            case 1 -> new Household(spouse, under14 + 1, older, parents, here, false);
            case 2 -> new Household(spouse, under14, older + 1, parents, here, false);
            case 3 -> new Household(spouse, under14, older, parents + 1, here, false);
            default -> new Household(spouse, under14, older, parents, here + 1, false);
        };
        assertThat(assess(larger).required()).isGreaterThanOrEqualTo(assess(smaller).required());
    }

    @Property
    void theRequiredIncomeIsTheAllowanceTimesOnePlusHalfPerMemberExceptTheGroupOfYoungChildren(@ForAll boolean spouse,
            @ForAll @IntRange(max = 6) int under14, @ForAll @IntRange(max = 6) int older, @ForAll @IntRange(max = 4) int parents,
            @ForAll @IntRange(max = 6) int here) {
        Result result = assess(new Household(spouse, under14, older, parents, here, false));
        double young = under14 >= 2 ? 1 : 0.5 * under14;
        double expected = 1 + young + 0.5 * ((spouse ? 1 : 0) + older + parents + here);
        assertThat(result.times().doubleValue()).isEqualTo(expected);
        assertThat(result.required()).isGreaterThanOrEqualTo(A_2026);
        assertThat(result.lines().stream().map(ReunificationIncome.Line::times).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(result.times());
    }

    @Property
    void moreIncomeNeverMissesMore(@ForAll @IntRange(max = 50_000) int income, @ForAll @IntRange(max = 5_000) int more,
            @ForAll @IntRange(max = 4) int parents) {
        Household household = new Household(true, 0, 0, parents, 0, false);
        assertThat(assess(household, String.valueOf(income + more)).missing())
                .isLessThanOrEqualTo(assess(household, String.valueOf(income)).missing());
    }
}
