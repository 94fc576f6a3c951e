package it.comune.immigrati.appointments.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A CSV cell of the agenda stays one cell, and text, whatever a resident typed. */
class AgendaCsvTest {

    @Test
    void aFormulaStaysTextAndSeparatorsQuotesAndLineBreaksStayInsideTheCell() {
        assertThat(AgendaController.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(AgendaController.cell("+39 333")).isEqualTo("'+39 333");
        assertThat(AgendaController.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(AgendaController.cell("riga uno\nriga due")).isEqualTo("riga uno riga due");
        assertThat(AgendaController.cell(null)).isEmpty();
        assertThat(AgendaController.cell("تجديد الإقامة")).isEqualTo("تجديد الإقامة");
    }
}
