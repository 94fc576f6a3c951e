package it.comune.immigrati.questions.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The question code's one shape: made, read back from what people type, found in a mail's subject. */
class QuestionCodeTest {

    @Test
    void aCodeIsWrittenAndReadInOneShape() {
        QuestionCode code = new QuestionCode(2026, 123);
        assertThat(code).hasToString("Q-2026-000123");
        assertThat(QuestionCode.parse(" q-2026-000123 ")).contains(code);
        assertThat(QuestionCode.valid("Q-2026-000123")).isTrue();
        assertThat(QuestionCode.valid("Q-2026-00123")).isFalse();
        assertThat(QuestionCode.valid("Q-26-000123")).isFalse();
        assertThat(QuestionCode.valid("Q-2026-000123x")).isFalse();
        assertThat(QuestionCode.valid(null)).isFalse();
        assertThat("Q-2026-000123").matches(QuestionCode.REGEX).matches(QuestionCode.HTML_PATTERN);
        assertThat("q-2026-000123").matches(QuestionCode.HTML_PATTERN);
    }

    @Test
    void aSubjectNamesItsCode() {
        assertThat(QuestionCode.findIn("Re: La tua domanda Q-2026-004711 è arrivata")).contains(new QuestionCode(2026, 4711));
        assertThat(QuestionCode.findIn("Re: XQ-2026-004711")).isEmpty();
        assertThat(QuestionCode.findIn(null)).isEmpty();
    }
}
