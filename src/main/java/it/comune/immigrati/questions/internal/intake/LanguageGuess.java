package it.comune.immigrati.questions.internal.intake;

import java.util.Arrays;

import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import it.comune.immigrati.site.Language;
import org.springframework.stereotype.Component;

/**
 * The language a question arrived in by e-mail, among the languages the site speaks, detected offline
 * with Lingua so that it reaches a mediator who speaks it. Short or mixed texts may give Italian.
 */
@Component
class LanguageGuess {

    private final LanguageDetector detector = LanguageDetectorBuilder.fromLanguages(
            Arrays.stream(Language.values()).map(LanguageGuess::lingua).toArray(com.github.pemistahl.lingua.api.Language[]::new))
            .withLowAccuracyMode().build();

    Language of(String text) {
        com.github.pemistahl.lingua.api.Language detected = detector.detectLanguageOf(text == null ? "" : text);
        if (detected == com.github.pemistahl.lingua.api.Language.UNKNOWN) {
            return Language.DEFAULT;
        }
        return Language.byCode(detected.getIsoCode639_1().toString()).orElse(Language.DEFAULT);
    }

    private static com.github.pemistahl.lingua.api.Language lingua(Language language) {
        return switch (language) {
            case IT -> com.github.pemistahl.lingua.api.Language.ITALIAN;
            case EN -> com.github.pemistahl.lingua.api.Language.ENGLISH;
            case FR -> com.github.pemistahl.lingua.api.Language.FRENCH;
            case ES -> com.github.pemistahl.lingua.api.Language.SPANISH;
            case AR -> com.github.pemistahl.lingua.api.Language.ARABIC;
            case RO -> com.github.pemistahl.lingua.api.Language.ROMANIAN;
            case SQ -> com.github.pemistahl.lingua.api.Language.ALBANIAN;
            case UK -> com.github.pemistahl.lingua.api.Language.UKRAINIAN;
            case ZH -> com.github.pemistahl.lingua.api.Language.CHINESE;
            case UR -> com.github.pemistahl.lingua.api.Language.URDU;
            case BN -> com.github.pemistahl.lingua.api.Language.BENGALI;
        };
    }
}
