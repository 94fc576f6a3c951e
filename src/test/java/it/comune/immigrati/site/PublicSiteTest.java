package it.comune.immigrati.site;

import java.net.http.HttpResponse;

import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The public site over real HTTP, as a browser without JavaScript sees it. */
@AciTest
class PublicSiteTest {

    @LocalServerPort
    int port;

    WebClient browser;

    @BeforeEach
    void newBrowser() {
        browser = new WebClient(port);
    }

    @Test
    void homePageIsItalianByDefault() {
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<html lang=\"it\" dir=\"ltr\">", "Comune di Saronno", "Che cosa facciamo",
                "/static/css/bootstrap-italia.purged-");
        assertThat(home.headers().allValues("Set-Cookie")).as("anonymous visitors get no session or cookie").isEmpty();
    }

    @Test
    void languageIsChosenByParameterAndRememberedByCookie() {
        HttpResponse<String> arabic = browser.get("/?lang=ar");
        assertThat(arabic.body()).contains("<html lang=\"ar\" dir=\"rtl\">");
        assertThat(browser.cookie("ACI_LANG")).isEqualTo("ar");
        HttpResponse<String> next = browser.get("/privacy");
        assertThat(next.body()).contains("<html lang=\"ar\" dir=\"rtl\">");
        HttpResponse<String> chinese = browser.get("/?lang=zh");
        assertThat(chinese.body()).contains("<html lang=\"zh-Hans\" dir=\"ltr\">");
        HttpResponse<String> urdu = browser.get("/?lang=ur");
        assertThat(urdu.body()).contains("<html lang=\"ur\" dir=\"rtl\">");
        HttpResponse<String> unknown = new WebClient(port).get("/?lang=xx");
        assertThat(unknown.body()).contains("<html lang=\"it\" dir=\"ltr\">");
    }

    @Test
    void theLanguageSwitchLinksEveryLanguageInItsOwnName() {
        String home = browser.get("/").body();
        for (Language language : Language.values()) {
            assertThat(home).contains("href=\"/?lang=" + language.code() + "\"").contains(language.nativeName());
        }
        assertThat(browser.get("/privacy?x=1").body()).contains("href=\"/privacy?x=1&amp;lang=en\"");
    }

    @Test
    void legalPagesExistAndAreLinkedFromTheFooter() {
        String home = browser.get("/").body();
        assertThat(home).contains("href=\"/privacy\"", "href=\"/accessibilita\"", "href=\"/note-legali\"");
        assertThat(browser.get("/privacy").body()).contains("Informativa sul trattamento dei dati personali",
                "Regolamento (UE) 2016/679", "Comune di Saronno");
        assertThat(browser.get("/accessibilita").body()).contains("Dichiarazione di accessibilità", "Meccanismo di feedback");
        assertThat(browser.get("/note-legali").body()).contains("CC BY 4.0");
    }

    @Test
    void anUntranslatedPageIsShownInItalianWithANotice() {
        browser.get("/?lang=fr");
        String privacy = browser.get("/privacy").body();
        assertThat(privacy).contains("<html lang=\"fr\"", "<article class=\"aci-article\" lang=\"it\"",
                "Informativa sul trattamento");
        assertThat(privacy).doesNotContain("page.fallback");
    }

    @Test
    void navigationLinksOnlyToPagesThatExist() {
        String home = browser.get("/").body();
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("<a href=\"(/[^\"?#]*)").matcher(home);
        while (links.find()) {
            String path = links.group(1);
            assertThat(browser.get(path).statusCode()).as("link to " + path).isIn(200);
        }
    }

    @Test
    void missingPagesGetAFriendlyLocalisedPage() {
        HttpResponse<String> italian = browser.get("/non-esiste");
        assertThat(italian.statusCode()).isEqualTo(404);
        assertThat(italian.body()).contains("Pagina non trovata", "<html lang=\"it\"").doesNotContain("Exception");
        browser.get("/?lang=ar");
        HttpResponse<String> arabic = browser.get("/non-esiste");
        assertThat(arabic.statusCode()).isEqualTo(404);
        assertThat(arabic.body()).contains("<html lang=\"ar\" dir=\"rtl\">").doesNotContain("Pagina non trovata");
    }

    @Test
    void serverErrorsGetAFriendlyPageThatPromisesNothingWasLost() {
        browser.get("/?lang=uk");
        HttpResponse<String> error = browser.get("/error");
        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(error.body()).contains("<html lang=\"uk\"", "href=\"/\"").doesNotContain("Exception", "Whitelabel");
        assertThat(new WebClient(port).get("/error").body()).contains("Si è verificato un errore",
                "i dati già inviati non sono andati persi");
    }

    @Test
    void apiClientsGetProblemJsonWithoutInternals() {
        HttpResponse<String> problem = browser.get("/non-esiste", "Accept", "application/json");
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(problem.body()).doesNotContain("trace", "exception", "Exception");
    }

    @Test
    void staticAssetsAreFingerprintedAndCachedForAYear() {
        String home = browser.get("/").body();
        java.util.regex.Matcher css = java.util.regex.Pattern.compile("href=\"(/static/css/aci-[0-9a-f]{32}\\.css)\"").matcher(home);
        assertThat(css.find()).as("fingerprinted stylesheet link").isTrue();
        HttpResponse<String> stylesheet = browser.get(css.group(1));
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.headers().firstValue("Cache-Control")).hasValueSatisfying(
                c -> assertThat(c).contains("max-age=31536000"));
        java.util.regex.Matcher designSystem = java.util.regex.Pattern
                .compile("href=\"(/static/css/bootstrap-italia\\.purged-[0-9a-f]{32}\\.css)\"").matcher(home);
        assertThat(designSystem.find()).as("Bootstrap Italia, only the rules in use, fingerprinted").isTrue();
        HttpResponse<String> rules = browser.get(designSystem.group(1), "Accept-Encoding", "gzip");
        assertThat(rules.statusCode()).isEqualTo(200);
        assertThat(rules.headers().firstValue("Content-Encoding")).as("sent compressed").hasValue("gzip");
        assertThat(browser.get("/webjars/bootstrap-italia/2.17.0/dist/fonts/Titillium_Web/titillium-web-v10-latin-ext_latin-regular.woff2")
                .statusCode()).as("fonts still come from the webjar").isEqualTo(200);
    }

    @Test
    void robotsKeepCrawlersOutOfTheStaffArea() {
        assertThat(browser.get("/robots.txt").body()).contains("Disallow: /ufficio/");
    }
}
