package it.comune.immigrati.search.internal;

import it.comune.immigrati.platform.Topics;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.search.Search;
import it.comune.immigrati.search.SearchKind;
import it.comune.immigrati.site.Language;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Site-wide search for the public (page and JSON), and the editors' list of searches that found nothing. */
@Controller
class SearchController {

    private final Search search;
    private final SearchStore store;
    private final List<String> topics;
    /** The kinds the modules publish, in their order, with the message key of each label. */
    private final Map<String, String> kinds;

    private final Map<String, List<String>> topicNames = new LinkedHashMap<>();

    SearchController(Search search, SearchStore store, List<SearchKind> kinds, Topics topicCodes,
            org.springframework.context.MessageSource messages) {
        this.search = search;
        for (String code : topicCodes.codes()) {
            List<String> names = new java.util.ArrayList<>();
            for (Language language : Language.values()) {
                String name = messages.getMessage("topic." + code, null, null, language.locale());
                if (name != null) {
                    names.add(name);
                }
            }
            topicNames.put(code, List.copyOf(names));
        }
        this.store = store;
        this.topics = topicCodes.codes();
        this.kinds = new LinkedHashMap<>();
        kinds.stream().sorted(Comparator.comparingInt(SearchKind::order))
                .forEach(kind -> this.kinds.put(kind.code(), kind.labelKey()));
    }

    @GetMapping("/cerca")
    String page(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String tipo,
            @RequestParam(defaultValue = "") String tema, @RequestParam(name = "pagina", defaultValue = "1") String pageParam,
            HttpServletRequest request, Model model) {
        int page = page(pageParam);
        int offset = (page - 1) * PAGE_SIZE;
        Language language = Language.of(RequestContextUtils.getLocale(request));
        String text = q.strip().length() > 200 ? q.strip().substring(0, 200) : q.strip();
        String topic = topics.contains(tema) ? tema : "";
        model.addAttribute("q", text);
        model.addAttribute("kind", kinds.containsKey(tipo) ? tipo : "");
        model.addAttribute("kinds", kinds);
        model.addAttribute("topic", topic);
        model.addAttribute("topics", topics);
        Search.Results results = text.isEmpty() ? null
                : search.search(text, language, kinds(tipo), topic.isEmpty() ? null : topic, offset, PAGE_SIZE);
        if (results != null && loose(results)) {
            it.comune.immigrati.site.PageCache.skip(request); // every such search is counted for editors
        }
        boolean italian = false;
        if (results != null && (results.hits().isEmpty() || results.approximate()) && language != Language.DEFAULT) {
            // nothing, or only near words, in the visitor's language: the Italian pages may help, said as
            // such; they win over near words when they have the words as written (residents type Italian
            // terms: "passaporto" is not "passport")
            Search.Results inItalian = search.search(text, Language.DEFAULT, kinds(tipo), topic.isEmpty() ? null : topic,
                    offset, PAGE_SIZE);
            if (!inItalian.hits().isEmpty() && (!inItalian.approximate() || inItalian.correction() != null)) {
                results = inItalian;
                italian = true;
            }
        }
        if (results != null && offset == 0 && loose(results)) {
            // counted for editors when nothing was found but pages with some of the words: an Italian page
            // that answered is not a miss
            search.recordMiss(text, language);
        }
        model.addAttribute("results", results);
        model.addAttribute("italianResults", italian);
        model.addAttribute("page", page);
        model.addAttribute("previousPage", results != null && page > 1 ? pageUrl(text, kinds.containsKey(tipo) ? tipo : "", topic, page - 1) : null);
        model.addAttribute("nextPage", results != null && results.more() && page < MAX_PAGE ? pageUrl(text, kinds.containsKey(tipo) ? tipo : "", topic, page + 1) : null);
        model.addAttribute("suggested", results != null && results.hits().isEmpty() ? suggested(text, language) : List.of());
        return "search/results";
    }

    /** Ten results a page: a short page on a small phone, and snippets only for what is shown. */
    static final int PAGE_SIZE = 10;
    /** Nobody reads past the twentieth page; deeper pages would only cost the index work. */
    static final int MAX_PAGE = 20;

    private static int page(String value) {
        try {
            return Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String pageUrl(String text, String kind, String topic, int page) {
        StringBuilder url = new StringBuilder("/cerca?q=").append(java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8));
        if (!kind.isEmpty()) {
            url.append("&tipo=").append(kind);
        }
        if (!topic.isEmpty()) {
            url.append("&tema=").append(topic);
        }
        return url.append("&pagina=").append(page).toString();
    }

    /** Nothing found, or only pages with some of the words. */
    private static boolean loose(Search.Results results) {
        return results.hits().isEmpty() || (results.approximate() && results.correction() == null);
    }

    private List<SuggestedTopic> suggested(String text, Language language) {
        return TopicGuess.topics(text, topicNames).stream().limit(3).map(topic -> {
            List<Search.Hit> guides = search.newest("guide", topic, language, 5);
            return new SuggestedTopic(topic, guides.isEmpty() ? search.newest("guide", topic, Language.DEFAULT, 5) : guides);
        }).toList();
    }

    /** Suggestions under the header search box while typing (htmx); never counted as misses. */
    @GetMapping("/cerca/suggerimenti")
    String suggestions(@RequestParam(defaultValue = "") String q, HttpServletRequest request, Model model) {
        String text = q.strip().length() > 200 ? q.strip().substring(0, 200) : q.strip();
        Language language = Language.of(RequestContextUtils.getLocale(request));
        model.addAttribute("q", text);
        model.addAttribute("kinds", kinds);
        model.addAttribute("hits", text.length() < 3 ? List.of() : search.search(text, language, List.of(), null, 6).hits());
        return "search/suggestions";
    }

    @GetMapping(value = "/api/v1/search", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Search.Results api(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "it") String lang,
            @RequestParam(defaultValue = "") String tipo, HttpServletRequest request) {
        String text = q.strip().length() > 200 ? q.strip().substring(0, 200) : q.strip();
        Search.Results results = text.isEmpty() ? new Search.Results(List.of(), false)
                : find(text, tipo, "", Language.byCode(lang).orElse(Language.DEFAULT));
        if (!text.isEmpty() && loose(results)) {
            it.comune.immigrati.site.PageCache.skip(request);
        }
        return results;
    }

    private Search.Results find(String text, String kind, String topic, Language language) {
        Search.Results results = search.search(text, language, kinds(kind), topic.isEmpty() ? null : topic, 30);
        if (loose(results)) {
            search.recordMiss(text, language);
        }
        return results;
    }

    private List<String> kinds(String kind) {
        return kinds.containsKey(kind) ? List.of(kind) : List.of();
    }

    /** What residents searched for and did not find, most frequent first, per language. */
    @GetMapping("/ufficio/ricerche")
    String misses(@RequestParam(name = "lingua", defaultValue = "") String lang, Model model) {
        String language = Language.byCode(lang).map(Language::code).orElse("");
        model.addAttribute("language", language);
        model.addAttribute("rows", store.misses(language));
        return "search/misses";
    }
}
