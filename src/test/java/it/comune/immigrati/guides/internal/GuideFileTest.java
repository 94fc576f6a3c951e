package it.comune.immigrati.guides.internal;

import java.time.LocalDate;

import it.comune.immigrati.site.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuideFileTest {

    @Test
    void readsTheFrontMatterAndTheText() throws Exception {
        GuideFile file = GuideFile.parse("""
                ---
                slug: prova
                language: ro
                title: Permisul de ședere
                topic: permesso-di-soggiorno
                situations: [lavoro, famiglia]
                summary: Pe scurt.
                review_by: 2027-05-31
                sources:
                  - title: D.Lgs. 286/1998
                    url: https://www.normattiva.it/
                    checked: 2026-10-01
                  - title: Polizia di Stato
                    url: https://www.poliziadistato.it
                    checked:
                ---
                ## Cui se adresează

                Text.
                """);
        assertThat(file.slug()).isEqualTo("prova");
        assertThat(file.language()).isEqualTo(Language.RO);
        assertThat(file.situations()).containsExactly("lavoro", "famiglia");
        assertThat(file.reviewBy()).isEqualTo(LocalDate.of(2027, 5, 31));
        assertThat(file.text().title()).isEqualTo("Permisul de ședere");
        assertThat(file.text().body()).startsWith("## Cui se adresează").endsWith("Text.");
        assertThat(file.text().sources()).hasSize(2);
        assertThat(file.text().sources().get(0).checked()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(file.text().sources().get(1).checked()).isNull();
    }

    @Test
    void saysWhatIsWrongWithAFile() {
        assertThatThrownBy(() -> GuideFile.parse("## No front matter")).hasMessageContaining("front matter");
        assertThatThrownBy(() -> GuideFile.parse("---\nslug: Bad Slug\nlanguage: it\ntitle: x\n---\n"))
                .hasMessageContaining("slug");
        assertThatThrownBy(() -> GuideFile.parse("---\nslug: ok\nlanguage: xx\ntitle: x\n---\n"))
                .hasMessageContaining("unknown language");
        assertThatThrownBy(() -> GuideFile.parse("---\nslug: ok\nlanguage: it\n---\n")).hasMessageContaining("'title'");
        assertThatThrownBy(() -> GuideFile.parse("---\nslug: ok\nlanguage: it\ntitle: x\nsituations: [spiaggia]\n---\n"))
                .hasMessageContaining("unknown situation");
        assertThatThrownBy(() -> GuideFile.parse(
                "---\nslug: ok\nlanguage: it\ntitle: x\nsources:\n  - title: a\n    url: javascript:alert(1)\n---\n"))
                .hasMessageContaining("not a web address");
    }
}
