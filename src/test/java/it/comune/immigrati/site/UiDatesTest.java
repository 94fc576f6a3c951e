package it.comune.immigrati.site;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A page writes a date one way in its language: alone and with its time, the date reads the same. */
class UiDatesTest {

    @Test
    void aDateAndADateWithItsTimeAreWrittenAlikeInEveryLanguage() {
        Instant moment = Instant.parse("2026-12-02T06:38:00Z"); // 07:38 in Rome
        LocalDate day = LocalDate.of(2026, 12, 2);
        for (Language language : Language.values()) {
            Ui ui = new Ui(language, null, null, "_csrf", () -> "", "/", null, List.of(), null, Set.of(), null);
            assertThat(ui.dateTime(moment)).as(language.code()).startsWith(ui.date(day)).contains("7:38");
        }
    }
}
