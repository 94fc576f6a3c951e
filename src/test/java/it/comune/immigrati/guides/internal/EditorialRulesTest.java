package it.comune.immigrati.guides.internal;

import java.time.Instant;
import java.util.List;

import it.comune.immigrati.guides.internal.GuideRecords.State;
import it.comune.immigrati.guides.internal.GuideRecords.Text;
import it.comune.immigrati.guides.internal.GuideRecords.Translation;
import it.comune.immigrati.guides.internal.GuideRecords.Version;
import it.comune.immigrati.site.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The editorial rules on their own, without a database: review, four eyes, stale translations, clarity answers. */
class EditorialRulesTest {

    private static Translation translation(State state, long working, Long published, String submittedBy) {
        return new Translation(1, Language.ES, state, working, published, submittedBy, null, null);
    }

    private static Version writtenBy(String author) {
        return new Version(7, 1, Language.ES, 2, new Text("T", "", "", List.of()), author, "", null, Instant.EPOCH);
    }

    @Test
    void withFourEyesNeitherTheAuthorNorTheSubmitterApproves() {
        Translation submittedByEditor = translation(State.IN_REVIEW, 7, null, "editor");
        Version byMediator = writtenBy("mediator");
        assertThat(GuideWorkflow.mayApprove("mediator", byMediator, submittedByEditor, true)).as("author").isFalse();
        assertThat(GuideWorkflow.mayApprove("editor", byMediator, submittedByEditor, true)).as("submitter").isFalse();
        assertThat(GuideWorkflow.mayApprove("supervisor", byMediator, submittedByEditor, true)).as("a third person").isTrue();
    }

    @Test
    void withFourEyesOffTheAuthorApprovesTheirOwnText() {
        Translation own = translation(State.IN_REVIEW, 7, null, "editor");
        assertThat(GuideWorkflow.mayApprove("editor", writtenBy("editor"), own, false)).isTrue();
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
