package it.comune.immigrati.practices.internal;

import java.util.List;

import it.comune.immigrati.practices.internal.IntegrationCredits.Civic;
import it.comune.immigrati.practices.internal.IntegrationCredits.Italian;
import it.comune.immigrati.practices.internal.IntegrationCredits.Outcome;
import it.comune.immigrati.practices.internal.IntegrationCredits.Record;
import it.comune.immigrati.practices.internal.IntegrationCredits.Result;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Worked examples from the credits table (DOMAIN.md §2, D.P.R. 179/2011) and the rule's properties. */
class IntegrationCreditsTest {

    @Test
    void spokenA2AndCivicKnowledgeAfterTheSessionFulfilTheAgreement() {
        Result result = IntegrationCredits.assess(new Record(Italian.A2, false, Civic.A1, true, List.of(), 0, 0));
        assertThat(result.total()).isEqualTo(16 + 20 + 6);
        assertThat(result.outcome()).isEqualTo(Outcome.FULFILLED);
    }

    @Test
    void enoughCreditsWithoutA2StillGiveOnlyAnExtension() {
        Result result = IntegrationCredits.assess(new Record(Italian.A1, true, Civic.B1, true, List.of(120, 80), 0, 0));
        assertThat(result.total()).isEqualTo(16 + 14 + 12 + 5 + 4);
        assertThat(result.outcome()).isEqualTo(Outcome.EXTENDED);
    }

    @Test
    void missingTheCivicSessionCosts15Credits() {
        Result result = IntegrationCredits.assess(new Record(Italian.NONE, false, Civic.NONE, false, List.of(), 0, 0));
        assertThat(result.total()).isEqualTo(1);
        assertThat(result.outcome()).isEqualTo(Outcome.EXTENDED);
        assertThat(result.lines()).extracting(IntegrationCredits.Line::credits).containsExactly(16, -15);
    }

    @Test
    void creditsTakenAwayDownToZeroEndTheAgreement() {
        Result result = IntegrationCredits.assess(new Record(Italian.A1, false, Civic.NONE, true, List.of(), 0, 26));
        assertThat(result.total()).isZero();
        assertThat(result.outcome()).isEqualTo(Outcome.TERMINATED);
    }

    @Test
    void coursesCountByTheirLengthAndASchoolYearGives30() {
        assertThat(List.of(79, 80, 119, 120, 249, 250, 499, 500, 900).stream().map(IntegrationCredits::course))
                .containsExactly(0, 4, 4, 5, 5, 10, 10, 20, 20);
        Result result = IntegrationCredits.assess(new Record(Italian.ABOVE_B1, true, Civic.A2, true, List.of(), 1, 0));
        assertThat(result.total()).isEqualTo(16 + 30 + 9 + 30);
        assertThat(result.outcome()).isEqualTo(Outcome.FULFILLED);
    }

    @Property
    void aHigherLevelAMoreCourseOrTheSessionNeverLowerTheCredits(@ForAll Italian italian, @ForAll boolean written,
            @ForAll Civic civic, @ForAll boolean session, @ForAll @Size(max = 4) List<@IntRange(max = 800) Integer> courses,
            @ForAll @IntRange(max = 3) int years, @ForAll @IntRange(max = 40) int deducted, @ForAll @IntRange(max = 800) int another) {
        Record record = new Record(italian, written, civic, session, courses, years, deducted);
        int total = IntegrationCredits.assess(record).total();
        Italian higher = Italian.values()[Math.min(italian.ordinal() + 1, Italian.values().length - 1)];
        Civic better = Civic.values()[Math.min(civic.ordinal() + 1, Civic.values().length - 1)];
        List<Integer> more = new java.util.ArrayList<>(courses);
        more.add(another);
        assertThat(IntegrationCredits.assess(new Record(higher, written, civic, session, courses, years, deducted)).total()).isGreaterThanOrEqualTo(total);
        assertThat(IntegrationCredits.assess(new Record(italian, true, civic, session, courses, years, deducted)).total()).isGreaterThanOrEqualTo(total);
        assertThat(IntegrationCredits.assess(new Record(italian, written, better, session, courses, years, deducted)).total()).isGreaterThanOrEqualTo(total);
        assertThat(IntegrationCredits.assess(new Record(italian, written, civic, true, courses, years, deducted)).total()).isGreaterThanOrEqualTo(total);
        assertThat(IntegrationCredits.assess(new Record(italian, written, civic, session, more, years, deducted)).total()).isGreaterThanOrEqualTo(total);
    }

    @Property
    void theOutcomeFollowsTheTotal(@ForAll Italian italian, @ForAll boolean written, @ForAll Civic civic, @ForAll boolean session,
            @ForAll @IntRange(max = 2) int years, @ForAll @IntRange(max = 80) int deducted) {
        Result result = IntegrationCredits.assess(new Record(italian, written, civic, session, List.of(), years, deducted));
        Outcome expected = result.total() <= 0 ? Outcome.TERMINATED
                : result.total() >= 30 && italian.compareTo(Italian.A2) >= 0 && civic != Civic.NONE ? Outcome.FULFILLED : Outcome.EXTENDED;
        assertThat(result.outcome()).isEqualTo(expected);
    }
}
