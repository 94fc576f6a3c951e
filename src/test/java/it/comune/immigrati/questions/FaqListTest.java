package it.comune.immigrati.questions;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.comune.immigrati.platform.PublicContent;
import it.comune.immigrati.platform.Topics;
import it.comune.immigrati.questions.internal.faq.FaqRecords.ShownFaq;
import it.comune.immigrati.questions.internal.faq.Faqs;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.site.Paged;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public list of FAQ is read a page at a time from the database, in the same order and with the same
 * Italian fallback as the whole list would have, on the site and in the API.
 */
@AciTest
class FaqListTest {

    private static final int ADDED = 85;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Faqs faqs;

    @Autowired
    Topics topics;

    @Autowired
    PublicContent content;

    @Autowired
    TransactionTemplate transaction;

    private String topic;
    private String prefix;

    /** 85 published FAQ in one topic, every other one also in Arabic, inserted out of their order. */
    @BeforeEach
    void manyFaqInOneTopic() {
        topic = topics.codes().get(topics.codes().size() - 1);
        prefix = "elenco-" + System.nanoTime();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < ADDED; i++) {
                long id = jdbc.sql("""
                        INSERT INTO faq (slug, topic, status, created_by, published_at)
                        VALUES (:slug, :topic, 'PUBLISHED', 'test', now()) RETURNING id""")
                        .param("slug", prefix + "-" + i).param("topic", topic).query(Long.class).single();
                int rank = (i * 37) % ADDED;
                text(id, "it", "Domanda %s numero %03d".formatted(prefix, rank));
                if (i % 2 == 0) {
                    text(id, "ar", "سؤال %s رقم %03d".formatted(prefix, rank));
                }
            }
            content.changed();
        });
    }

    /** Other tests look for their own FAQ on the first page of the list. */
    @AfterEach
    void removeThem() {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM faq WHERE slug LIKE ?").param(prefix + "-%").update();
            content.changed();
        });
    }

    private void text(long faq, String language, String question) {
        jdbc.sql("INSERT INTO faq_text (faq_id, language, question, answer, updated_by) VALUES (?, ?, ?, ?, 'test')")
                .params(faq, language, question, "Risposta a: " + question).update();
    }

    /** The list as it was worked out before paging: every published FAQ loaded, fallback, then sorted. */
    private List<String> wholeListOfSlugs(Language language) {
        record Row(long id, String slug, String topic, String question) {
        }
        return jdbc.sql("""
                        SELECT f.id, f.slug, f.topic, COALESCE(t.question, i.question)
                        FROM faq f
                        LEFT JOIN faq_text t ON t.faq_id = f.id AND t.language = ?
                        LEFT JOIN faq_text i ON i.faq_id = f.id AND i.language = 'it'
                        WHERE f.status = 'PUBLISHED'""")
                .param(language.code())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list()
                .stream().filter(r -> r.question() != null)
                .sorted(Comparator.comparing(Row::topic).thenComparing(Row::question).thenComparingLong(Row::id))
                .map(Row::slug).toList();
    }

    @Test
    void thePagesTogetherAreTheWholeListInItsOrderWithTheItalianWhereThereIsNoTranslation() {
        for (Language language : List.of(Language.DEFAULT, Language.AR)) {
            List<String> whole = wholeListOfSlugs(language);
            List<String> paged = new ArrayList<>();
            Paged<ShownFaq> page = faqs.publishedPage(language, null, 1, 40, false);
            assertThat(page.pages()).isEqualTo((whole.size() + 39) / 40);
            for (int n = 1; n <= page.pages(); n++) {
                Paged<ShownFaq> current = faqs.publishedPage(language, null, n, 40, false);
                assertThat(current.page()).isEqualTo(n);
                assertThat(current.items().size()).isEqualTo(Math.min(40, whole.size() - (n - 1) * 40));
                current.items().forEach(shown -> paged.add(shown.faq().slug()));
            }
            assertThat(paged).as("pages in " + language).isEqualTo(whole);
        }

        List<ShownFaq> arabic = faqs.publishedPage(Language.AR, topic, 1, 1000, true).items().stream()
                .filter(s -> s.faq().slug().startsWith(prefix + "-")).toList();
        assertThat(arabic).hasSize(ADDED);
        assertThat(arabic).filteredOn(s -> s.text().language() == Language.AR).hasSize((ADDED + 1) / 2)
                .allMatch(s -> !s.fallback() && s.text().question().startsWith("سؤال"));
        assertThat(arabic).filteredOn(ShownFaq::fallback).hasSize(ADDED / 2)
                .allMatch(s -> s.text().language() == Language.DEFAULT && s.text().answer().startsWith("Risposta"));
        assertThat(faqs.publishedPage(Language.AR, topic, 1, 1000, false).items().get(0).text().answer()).isEmpty();

        // a page past the end is the last one, a page before the first is the first
        Paged<ShownFaq> last = faqs.publishedPage(Language.DEFAULT, topic, 999, 40, false);
        assertThat(last.page()).isEqualTo(last.pages());
        assertThat(faqs.publishedPage(Language.DEFAULT, topic, -3, 40, false).page()).isEqualTo(1);
    }

    @Test
    void theSitesListOfATopicShowsItsSecondPageInArabic() {
        List<String> whole = wholeListOfSlugs(Language.AR);
        List<String> ofTopic = whole.stream().filter(slug -> faqs.bySlug(slug).orElseThrow().topic().equals(topic)).toList();
        assertThat(ofTopic.size()).isGreaterThan(80);

        HttpResponse<String> second = new WebClient(port).get("/faq?topic=" + topic + "&pagina=2&lang=ar");
        assertThat(second.statusCode()).isEqualTo(200);
        List<String> shown = new ArrayList<>();
        Matcher link = Pattern.compile("<a href=\"/faq/([^\"]+)\" lang=\"[a-z]+\" dir=\"(?:ltr|rtl)\">").matcher(second.body());
        while (link.find()) {
            shown.add(link.group(1));
        }
        assertThat(shown).isEqualTo(ofTopic.subList(40, 80));
        assertThat(second.body()).contains("href=\"/faq?topic=" + topic + "&amp;pagina=3\"");

        HttpResponse<String> pastTheEnd = new WebClient(port).get("/faq?topic=" + topic + "&pagina=99&lang=ar");
        assertThat(pastTheEnd.statusCode()).isEqualTo(200);
        assertThat(pastTheEnd.body()).contains("/faq/" + ofTopic.get(ofTopic.size() - 1) + "\"");
    }

    @Test
    void theApiGivesTheListAPageAtATimeAndLinksTheNext() {
        List<String> whole = wholeListOfSlugs(Language.AR);
        List<String> fetched = new ArrayList<>();
        String next = "/api/v1/faq?lang=ar&size=30";
        int requests = 0;
        while (next != null) {
            HttpResponse<String> page = new WebClient(port).get(next, "Accept", "application/json");
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode items = JsonMapper.builder().build().readTree(page.body());
            assertThat(items.size()).isLessThanOrEqualTo(30);
            items.forEach(item -> fetched.add(item.get("slug").asString()));
            next = page.headers().firstValue("Link")
                    .map(value -> value.replaceFirst("^<([^>]+)>; rel=\"next\"$", "$1")).orElse(null);
            requests++;
        }
        assertThat(fetched).isEqualTo(whole);
        assertThat(requests).isEqualTo((whole.size() + 29) / 30);

        JsonNode tooBig = JsonMapper.builder().build()
                .readTree(new WebClient(port).get("/api/v1/faq?lang=it&size=100000", "Accept", "application/json").body());
        assertThat(tooBig.size()).isEqualTo(Math.min(100, whole.size()));
    }
}
