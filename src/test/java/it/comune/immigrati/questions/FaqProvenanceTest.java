package it.comune.immigrati.questions;

import java.util.Map;

import it.comune.immigrati.site.Language;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo FAQ are in every language; a translation the office has not reviewed says so, in the reader's
 * language, with a link to the Italian; once someone of the office saves it, the notice goes.
 */
@AciTest
class FaqProvenanceTest {

    private static final String SLUG = "iscrizione-scuola-durante-anno";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void theDemoFaqAreInEveryLanguageAndUnreviewedOnesSaySo() {
        for (Language language : Language.values()) {
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM faq_text t JOIN faq f ON f.id = t.faq_id
                    WHERE f.status = 'PUBLISHED' AND f.slug IN ('rinnovo-permesso-di-soggiorno', 'iscrizione-scuola-durante-anno')
                      AND t.language = :language""").param("language", language.code()).query(Integer.class).single())
                    .as(language.code()).isEqualTo(2);
        }
        WebClient ukrainian = new WebClient(port);
        ukrainian.get("/?lang=uk");
        String page = ukrainian.get("/faq/" + SLUG).body();
        assertThat(page).contains("id=\"unreviewed\"", "/faq/" + SLUG + "?testo=it", "lang=\"uk\"");
        String italian = ukrainian.get("/faq/" + SLUG + "?testo=it").body();
        assertThat(italian).contains("Mio figlio può iscriversi a scuola durante").doesNotContain("id=\"unreviewed\"");
        assertThat(new WebClient(port).get("/faq/" + SLUG).body()).as("the Italian is the reference").doesNotContain("id=\"unreviewed\"");
    }

    @Test
    void savedByTheOfficeTheNoticeGoes() {
        long id = jdbc.sql("SELECT id FROM faq WHERE slug = 'rinnovo-permesso-di-soggiorno'").query(Long.class).single();
        Map<String, String> text = jdbc.sql("SELECT question, answer FROM faq_text WHERE faq_id = :id AND language = 'bn'")
                .param("id", id).query((rs, n) -> Map.of("question", rs.getString(1), "answer", rs.getString(2))).single();
        WebClient bengali = new WebClient(port);
        bengali.get("/?lang=bn");
        assertThat(bengali.get("/faq/rinnovo-permesso-di-soggiorno").body()).contains("id=\"unreviewed\"");

        WebClient office = new WebClient(port);
        TestStaff.login(office, TestStaff.create(jdbc, passwords, "EDITOR"));
        String editor = "/ufficio/faq/" + id;
        // the office sees which translations wait for review, in the list and on the text itself
        // each FAQ is listed by its Italian question, whichever languages it has
        assertThat(office.get("/ufficio/faq").body()).contains("data-unreviewed=\"bn\"").doesNotContain("data-unreviewed=\"it\"")
                .contains("Quando devo chiedere il rinnovo del permesso di soggiorno?").doesNotContain("নবায়নের আবেদন");
        assertThat(office.get(editor + "?testo=bn").body()).contains("id=\"staff-unreviewed\"");
        assertThat(office.get(editor + "?testo=it").body()).doesNotContain("id=\"staff-unreviewed\"");
        assertThat(office.submit(editor + "?testo=bn", editor + "/testo",
                Map.of("lang", "bn", "question", text.get("question"), "answer", text.get("answer"))).statusCode()).isEqualTo(302);
        assertThat(bengali.get("/faq/rinnovo-permesso-di-soggiorno").body()).doesNotContain("id=\"unreviewed\"");
        assertThat(office.get(editor + "?testo=bn").body()).doesNotContain("id=\"staff-unreviewed\"");
    }
}
