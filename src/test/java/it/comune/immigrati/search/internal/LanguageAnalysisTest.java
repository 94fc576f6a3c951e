package it.comune.immigrati.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.site.Language;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each language's analysis joins the forms a resident types to the forms the guides use. */
class LanguageAnalysisTest {

    private static final LanguageAnalysis ANALYSIS = new LanguageAnalysis();

    static List<String> terms(Analyzer analyzer, String text) {
        return terms(analyzer, "f", text);
    }

    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return terms;
    }

    private static List<String> text(Language language, String text) {
        return terms(ANALYSIS.text(language), text);
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "it|rinnovare|rinnovo", "it|permessi|permesso", "it|città|citta", "it|iscrizioni|iscrizione",
            "it|l'anagrafe|anagrafe", "en|renewing|renewal", "en|permits|permit", "fr|familles|famille",
            "fr|étudiants|etudiant", "es|renovación|renovacion", "es|renovaciones|renovacion", "es|permisos|permiso", "ro|înscrierea|inscriere",
            "ro|ședere|şedere", "ro|ședere|sedere", "ar|الإقامة|الاقامه", "ar|والإقامة|الإقامة",
            "uk|посвідки|посвідка", "uk|дозволу|дозвіл", "uk|проживання|проживанні", "ur|اجازت|اجازت",
            "ur|رہائشی|رهائشي", "ur|کارڈ|كارڈ", "bn|অনুমতি|অনুমতি", "sq|qëndrimi|qendrimi", "zh|居留|居留" })
    void formsOfOneWordMeet(String code, String typed, String written) {
        Language language = Language.byCode(code).orElseThrow();
        assertThat(text(language, typed)).as(typed).isNotEmpty().isEqualTo(text(language, written));
    }

    @Test
    void chineseIsCutIntoWords() {
        assertThat(text(Language.ZH, "居留许可")).hasSizeGreaterThanOrEqualTo(2).contains("居留");
        assertThat(text(Language.ZH, "如何续签居留许可")).contains("居留", "续签");
    }

    @Test
    void stopWordsAreLeftOutOfTheTextButNotOfTheWords() {
        assertThat(text(Language.IT, "il permesso di soggiorno")).hasSize(2);
        assertThat(terms(ANALYSIS.words(Language.IT), "il permesso di Soggiorno")).containsExactly("il", "permesso", "di", "soggiorno");
    }

    @Test
    void albanianAndUrduWordsAreCutWhereTheyInflect() {
        assertThat(QueryPlan.cut("lejes")).isEqualTo("leje");
        assertThat(QueryPlan.cut("qendrimit")).isEqualTo("qendrim");
        assertThat(QueryPlan.cut("leje")).isEqualTo("leje");
        // the index side: every leading n-gram from four letters, so the cut word finds the inflected one
        assertThat(terms(ANALYSIS.perField(), "grams.sq", "lejet")).contains("leje", "lejet");
        assertThat(terms(ANALYSIS.perField(), "grams.bn", "অনুমতি")).contains(QueryPlan.cut("অনুমতির"));
        assertThat(terms(ANALYSIS.perField(), "grams.ur", "اجازتیں")).contains(QueryPlan.cut(
                terms(ANALYSIS.words(Language.UR), "اجازتیں").get(0)));
    }
}
