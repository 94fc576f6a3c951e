package it.comune.immigrati.search.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicGuessTest {

    private static final Map<String, List<String>> NAMES = Map.of(
            "permesso-di-soggiorno", List.of("Permesso di soggiorno", "Посвідка на проживання", "居留许可", "বসবাসের অনুমতি",
                    "رہائشی اجازت نامہ"),
            "residenza-anagrafe", List.of("Residenza e anagrafe", "Місце проживання та реєстр населення"),
            "salute", List.of("Salute", "Здоров'я", "健康", "স্বাস্থ্য"));

    @Test
    void queriesInScriptsWithoutContentFindTheirTopic() {
        assertThat(TopicGuess.topics("дозвіл на проживання", NAMES)).containsExactlyInAnyOrder("permesso-di-soggiorno", "residenza-anagrafe");
        assertThat(TopicGuess.topics("посвідки", NAMES)).as("an inflected form").containsExactly("permesso-di-soggiorno");
        assertThat(TopicGuess.topics("我想办理居留许可", NAMES)).as("no spaces").containsExactly("permesso-di-soggiorno");
        assertThat(TopicGuess.topics("বসবাসের অনুমতি", NAMES)).containsExactly("permesso-di-soggiorno");
        assertThat(TopicGuess.topics("رہائشی اجازت", NAMES)).containsExactly("permesso-di-soggiorno");
        assertThat(TopicGuess.topics("permessi soggiorno", NAMES).get(0)).isEqualTo("permesso-di-soggiorno");
        assertThat(TopicGuess.topics("salùte", NAMES)).as("Latin accents fold").containsExactly("salute");
    }

    @Test
    void unrelatedWordsFindNothing() {
        assertThat(TopicGuess.topics("автомобіль", NAMES)).isEmpty();
        assertThat(TopicGuess.topics("на та", NAMES)).isEmpty();
    }

    @Test
    void bengaliVowelSignsAreKept() {
        assertThat(TopicGuess.normalise("স্বাস্থ্য")).isEqualTo("স্বাস্থ্য");
        assertThat(TopicGuess.normalise("Città")).isEqualTo("citta");
    }
}
