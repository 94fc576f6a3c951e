package it.comune.immigrati.search.internal;

import java.util.List;
import java.util.Map;

import it.comune.immigrati.search.Search;
import it.comune.immigrati.site.Language;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Site-wide search for the public (page and JSON), and the editors' list of searches that found nothing. */
@Controller
class SearchController {

    static final List<String> KINDS = List.of("faq", "guide");

    private final Search search;
    private final JdbcClient jdbc;

    SearchController(Search search, JdbcClient jdbc) {
        this.search = search;
        this.jdbc = jdbc;
    }

    @GetMapping("/cerca")
    String page(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String tipo,
            HttpServletRequest request, Model model) {
        Language language = Language.of(RequestContextUtils.getLocale(request));
        String text = q.strip().length() > 200 ? q.strip().substring(0, 200) : q.strip();
        model.addAttribute("q", text);
        model.addAttribute("kind", KINDS.contains(tipo) ? tipo : "");
        model.addAttribute("results", text.isEmpty() ? null : find(text, tipo, language));
        return "search/results";
    }

    @GetMapping(value = "/api/v1/search", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Search.Results api(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "it") String lang,
            @RequestParam(defaultValue = "") String tipo) {
        String text = q.strip().length() > 200 ? q.strip().substring(0, 200) : q.strip();
        return text.isEmpty() ? new Search.Results(List.of(), false)
                : find(text, tipo, Language.byCode(lang).orElse(Language.DEFAULT));
    }

    private Search.Results find(String text, String kind, Language language) {
        Search.Results results = search.search(text, language, KINDS.contains(kind) ? List.of(kind) : List.of(), null, 30);
        if (results.hits().isEmpty()) {
            search.recordMiss(text, language);
        }
        return results;
    }

    /** What residents searched for and did not find, most frequent first, per language. */
    @GetMapping("/ufficio/ricerche")
    String misses(Model model) {
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT language, query, misses, last_at FROM search_miss
                ORDER BY misses DESC, last_at DESC LIMIT 200
                """).query().listOfRows();
        model.addAttribute("rows", rows.stream().map(r -> new Miss((String) r.get("language"), (String) r.get("query"),
                ((Number) r.get("misses")).intValue(),
                ((java.sql.Timestamp) r.get("last_at")).toInstant())).toList());
        return "search/misses";
    }
}
