package it.comune.immigrati.site;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {

    private static final String FEES = """
            Quanto costa:

            | Voce | Importo |
            | --- | --- |
            | Contributo (1 anno) | 40,00 euro [da verificare] |
            | **Kit postale** | 30,00 euro |
            """;

    @Test
    void tablesAreRenderedAsTables() {
        String html = Markdown.toSafeHtml(FEES);
        assertThat(html).contains("<table>", "<th>Voce</th>", "<td>Contributo (1 anno)</td>", "<strong>Kit postale</strong>")
                .doesNotContain("| ---", "|");
        assertThat(Markdown.withSections(FEES).html()).contains("<table>");
    }

    @Test
    void theEditorsMarkBecomesANoteInTheReadersLanguageOrDisappears() {
        String html = Markdown.toSafeHtml(FEES);
        assertThat(html).contains("[da verificare]"); // staff previews keep it
        assertThat(Markdown.forResidents(html, "رقم بانتظار التأكيد"))
                .contains("40,00 euro <small class=\"aci-unconfirmed\">(رقم بانتظار التأكيد)</small>").doesNotContain("[da verificare]");
        assertThat(Markdown.forResidents(html, null)).contains("<td>40,00 euro</td>").doesNotContain("verificare", "aci-unconfirmed");
        assertThat(Markdown.forResidents(html, "<b>x</b>")).as("escaped").contains("(&lt;b&gt;x&lt;/b&gt;)");
    }

    @Test
    void thePlainTextForSearchHasNeitherMarkupNorMarks() {
        String text = Markdown.toPlainText("Servono **almeno 60 giorni** [da verificare].\n\n" + FEES);
        assertThat(text).contains("almeno 60 giorni", "Contributo (1 anno)", "40,00 euro").doesNotContain("**", "da verificare", "---");
    }
}
