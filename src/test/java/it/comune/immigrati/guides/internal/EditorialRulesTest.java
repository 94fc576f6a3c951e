package it.comune.immigrati.guides.internal;

import java.time.Instant;
import java.util.List;

import it.comune.immigrati.guides.internal.GuideRecords.State;
import it.comune.immigrati.guides.internal.GuideRecords.Translation;
import it.comune.immigrati.site.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The editorial rules on their own, without a database: review, four eyes, stale translations, clarity answers. */
class EditorialRulesTest {

    private static Translation translation(State state, long working, Long published, String submittedBy) {
        return new Translation(1, Language.ES, state, working, published, submittedBy, null, null);
    }

    @Test
    void withFourEyesNeitherTheAuthorNorTheSubmitterApproves() {
        // a mediator's text sent to review by an editor
        assertThat(GuideWorkflow.mayApprove("mediator", "mediator", "editor", true)).as("author").isFalse();
        assertThat(GuideWorkflow.mayApprove("editor", "mediator", "editor", true)).as("submitter").isFalse();
        assertThat(GuideWorkflow.mayApprove("supervisor", "mediator", "editor", true)).as("a third person").isTrue();
        assertThat(new GuideRecords.Pending(1, "g", Language.ES, "T", "mediator", "editor", Instant.EPOCH)
                .mayBeApprovedBy("editor", true)).as("the reviewers' list applies the same rule").isFalse();
    }

    @Test
    void withFourEyesOffTheAuthorApprovesTheirOwnText() {
        assertThat(GuideWorkflow.mayApprove("editor", "editor", "editor", false)).isTrue();
    }

    @Test
    void onlyADraftThatDiffersFromThePublishedTextGoesToReview() {
        assertThat(GuideWorkflow.maySubmit(translation(State.DRAFT, 7, null, null))).as("never published").isTrue();
        assertThat(GuideWorkflow.maySubmit(translation(State.DRAFT, 8, 7L, null))).as("a new version").isTrue();
        assertThat(GuideWorkflow.maySubmit(translation(State.DRAFT, 7, 7L, null))).as("the published text itself").isFalse();
        assertThat(GuideWorkflow.maySubmit(translation(State.IN_REVIEW, 8, 7L, "editor"))).as("already in review").isFalse();
        assertThat(GuideWorkflow.maySubmit(translation(State.PUBLISHED, 7, 7L, null))).as("published").isFalse();
    }

    @Test
    void aTranslationIsMadeFromThePublishedItalianTextOrElseTheWorkingOne() {
        Translation italian = new Translation(1, Language.DEFAULT, State.DRAFT, 12, 10L, null, null, null);
        assertThat(GuideWorkflow.sourceVersionId(italian)).isEqualTo(10L);
        Translation unpublished = new Translation(1, Language.DEFAULT, State.DRAFT, 12, null, null, null, null);
        assertThat(GuideWorkflow.sourceVersionId(unpublished)).isEqualTo(12L);
    }

    @Test
    void aTranslationIsStaleWhenTheItalianPublishedSinceIsAnotherVersion() {
        assertThat(GuideCoverage.stale(Language.ES, 10L, 10L)).as("made from the published Italian").isFalse();
        assertThat(GuideCoverage.stale(Language.ES, 10L, 14L)).as("the Italian changed since").isTrue();
        assertThat(GuideCoverage.stale(Language.ES, null, 14L)).as("made from no Italian text").isTrue();
        assertThat(GuideCoverage.stale(Language.ES, 10L, null)).as("no Italian text is published").isFalse();
        assertThat(GuideCoverage.stale(Language.DEFAULT, 10L, 14L)).as("the Italian itself").isFalse();
    }

    @Test
    void aClarityAnswerIsARatingFromOneToFiveWithReasonsOfferedForIt() {
        assertThat(GuideFeedback.accepts(5, List.of("chiare", "complete"))).isTrue();
        assertThat(GuideFeedback.accepts(2, List.of())).isTrue();
        assertThat(GuideFeedback.accepts(0, List.of())).as("no rating").isFalse();
        assertThat(GuideFeedback.accepts(6, List.of())).isFalse();
        assertThat(GuideFeedback.accepts(5, List.of("incomplete"))).as("a poor reason after a good rating").isFalse();
        assertThat(GuideFeedback.accepts(3, List.of("chiare"))).as("a good reason after a poor rating").isFalse();
        assertThat(GuideFeedback.accepts(4, List.of("chiare", "chiare", "chiare", "chiare", "chiare")))
                .as("more reasons than are offered").isFalse();
    }
}
