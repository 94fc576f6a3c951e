package it.comune.immigrati.site;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningHoursTest {

    private static final String SARONNO = "MON 09:00-12:30, WED 14:30-17:30, THU 09:00-12:30";

    @Test
    void daysAreNamedInTheVisitorsLanguageAndSameHoursGoTogether() {
        String italian = OpeningHours.in(SARONNO, Locale.ITALIAN).text();
        assertThat(italian.replaceAll("[\u2060\u2066\u2069]", "")).isEqualTo("lunedì, giovedì 9:00–12:30 · mercoledì 14:30–17:30");
        assertThat(italian).as("each range isolated left to right and unbreakable")
                .contains("\u20669:00\u2060–\u206012:30\u2069", "\u206614:30\u2060–\u206017:30\u2069");
        assertThat(OpeningHours.in(SARONNO, Locale.forLanguageTag("uk")).text()).contains("понеділок", "четвер", "середа");
        assertThat(OpeningHours.in(SARONNO, Locale.forLanguageTag("ar")).text()).contains("الاثنين", "الأربعاء");
        assertThat(OpeningHours.in(SARONNO, Locale.forLanguageTag("bn")).localized()).isTrue();
    }

    @Test
    void aComunesOwnSentenceIsShownAsWritten() {
        OpeningHours.Shown shown = OpeningHours.in("Lunedì e giovedì 9:00–12:30, su appuntamento", Locale.ENGLISH);
        assertThat(shown.localized()).isFalse();
        assertThat(shown.text()).isEqualTo("Lunedì e giovedì 9:00–12:30, su appuntamento");
    }
}
