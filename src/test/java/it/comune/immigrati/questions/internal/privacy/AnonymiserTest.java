package it.comune.immigrati.questions.internal.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnonymiserTest {

    @Test
    void removesContactsCodesAndDocumentNumbers() {
        String text = "Sono Fatima Zahra, scrivetemi a fatima.z@example.org o al +39 333 123 4567. "
                + "Il mio codice fiscale è ZHRFTM85M41Z330X, passaporto YA1234567, permesso I12345678, "
                + "nata il 01/08/1985, IBAN IT60X0542811101000000123456.";
        String clean = Anonymiser.anonymise(text, "Fatima Zahra");
        assertThat(clean).doesNotContain("fatima.z@example.org", "333 123 4567", "ZHRFTM85M41Z330X", "YA1234567",
                "I12345678", "01/08/1985", "IT60X0542811101000000123456", "Fatima", "Zahra");
        assertThat(clean).contains("[e-mail]", "[telefono]", "[codice fiscale]", "[documento]", "[data]", "[IBAN]", "[nome]");
    }

    @Test
    void keepsWhatMakesTheAnswerUseful() {
        String answer = "Il rinnovo va chiesto almeno 60 giorni prima della scadenza, con il kit postale da 80,46 euro "
                + "(D.Lgs. 286/1998, art. 5). Per l'assegno sociale 2026 vale 7.101,12 euro.";
        assertThat(Anonymiser.anonymise(answer, null)).isEqualTo(answer);
    }

    @Test
    void removesANameGivenInTheText() {
        assertThat(Anonymiser.anonymise("Buongiorno, mi chiamo Olena Kovalenko e vivo a Saronno.", null))
                .isEqualTo("Buongiorno, mi chiamo [nome] e vivo a Saronno.");
    }

    @Test
    void findsTheNameInflectedTransliteratedAndAfterAGreeting() {
        String letter = "Шановна пані Олено! Пані Коваленко, Ваша заява прийнята. Olena, bring the passport.";
        String clean = Anonymiser.anonymise(letter, "Olena Kovalenko");
        assertThat(clean).doesNotContain("Олено", "Коваленко", "Olena").contains("Шановна пані [nome]", "заява прийнята");
        assertThat(Anonymiser.anonymise("Добрий день, мене звати Оксана Мельник.", null)).doesNotContain("Оксана", "Мельник");
        assertThat(Anonymiser.anonymise("Gentile signora Rossi, la pratica è pronta.", null)).isEqualTo("Gentile signora [nome], la pratica è pronta.");
        assertThat(Anonymiser.anonymise("Dear Mr Ahmed Khan, thank you.", null)).doesNotContain("Ahmed", "Khan");
        assertThat(Anonymiser.anonymise("عزيزي أحمد، شكرا لرسالتك.", null)).doesNotContain("أحمد").contains("عزيزي [nome]");
        assertThat(Anonymiser.anonymise("Buongiorno Fatima, ecco la risposta di Fatimah.", "فاطمة Fatima")).doesNotContain("Fatima");
    }

    @Test
    void aShortNameDoesNotSwallowOtherWords() {
        assertThat(Anonymiser.anonymise("Ana deve andare in anagrafe con Anna.", "Ana Popescu"))
                .isEqualTo("[nome] deve andare in anagrafe con Anna.");
    }

    @Test
    void slugsAreReadableAscii() {
        assertThat(Anonymiser.slugFrom("Quando rinnovo il permesso di soggiorno? È urgente", 7))
                .isEqualTo("quando-rinnovo-il-permesso-di-soggiorno-e-urgente-7");
        assertThat(Anonymiser.slugFrom("متى أجدد الإقامة؟", 8)).isEqualTo("faq-8");
    }
}
