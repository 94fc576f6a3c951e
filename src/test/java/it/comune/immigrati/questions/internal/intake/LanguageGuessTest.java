package it.comune.immigrati.questions.internal.intake;

import it.comune.immigrati.site.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageGuessTest {

    private final LanguageGuess guess = new LanguageGuess();

    @Test
    void recognisesTheLanguagesResidentsWriteIn() {
        assertThat(guess.of("Buongiorno, vorrei sapere come rinnovare il permesso di soggiorno.")).isEqualTo(Language.IT);
        assertThat(guess.of("Hello, how can I renew my residence permit before it expires?")).isEqualTo(Language.EN);
        assertThat(guess.of("Bonjour, comment faire venir mes enfants en Italie ?")).isEqualTo(Language.FR);
        assertThat(guess.of("Hola, ¿cómo puedo inscribir a mi hijo en la escuela?")).isEqualTo(Language.ES);
        assertThat(guess.of("مرحبا، أريد أن أحضر زوجتي وأطفالي إلى إيطاليا")).isEqualTo(Language.AR);
        assertThat(guess.of("Bună ziua, cum mă pot înscrie la medicul de familie?")).isEqualTo(Language.RO);
        assertThat(guess.of("Përshëndetje, si mund ta rinovoj lejen e qëndrimit?")).isEqualTo(Language.SQ);
        assertThat(guess.of("Добрий день, коли я можу подати документи на посвідку?")).isEqualTo(Language.UK);
        assertThat(guess.of("你好，我想知道怎么给孩子报名上学。")).isEqualTo(Language.ZH);
        assertThat(guess.of("میں اپنے خاندان کو اٹلی لانا چاہتا ہوں، مجھے کون سے کاغذات چاہئیں؟")).isEqualTo(Language.UR);
        assertThat(guess.of("আমি আমার পরিবারকে ইতালিতে আনতে চাই, কী কী কাগজ লাগবে?")).isEqualTo(Language.BN);
    }

    @Test
    void fallsBackToItalianWhenThereIsNothingToGoBy() {
        assertThat(guess.of("")).isEqualTo(Language.IT);
        assertThat(guess.of("12345 !!!")).isEqualTo(Language.IT);
    }
}
