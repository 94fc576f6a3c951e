package it.comune.immigrati.questions.internal.faq;

import it.comune.immigrati.platform.Topics;
import java.util.List;

import it.comune.immigrati.questions.internal.QuestionsProperties;
import it.comune.immigrati.questions.internal.faq.FaqRecords.ShownFaq;
import it.comune.immigrati.search.Search;
import it.comune.immigrati.site.Language;
import it.comune.immigrati.site.Paged;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The public FAQ: by topic, one page each, searched in the visitor's language with Italian as fallback. */
@Controller
class FaqController {

    /** Questions per page of the list: a long page is slow to load on a cheap phone and hard to scan. */
    static final int PAGE_SIZE = 40;

    private final Faqs faqs;
    private final Search search;
    private final QuestionsProperties settings;
    private final java.util.List<String> topics;

    FaqController(Faqs faqs, Search search, QuestionsProperties settings, Topics topicCodes) {
        this.topics = topicCodes.codes();
        this.faqs = faqs;
        this.search = search;
        this.settings = settings;
    }

    @GetMapping("/faq")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String topic,
            @RequestParam(name = "pagina", defaultValue = "1") int page, HttpServletRequest request, Model model) {
        Language language = Language.of(RequestContextUtils.getLocale(request));
        String text = q.strip().length() > 200 ? q.strip().substring(0, 200) : q.strip();
        String chosenTopic = topics.contains(topic) ? topic : null;
        model.addAttribute("q", text);
        model.addAttribute("topic", chosenTopic == null ? "" : chosenTopic);
        model.addAttribute("topics", topics);
        if (text.isEmpty()) {
            Paged<ShownFaq> shown = faqs.publishedPage(language, chosenTopic, page, PAGE_SIZE, false);
            model.addAttribute("faqs", shown.items());
            model.addAttribute("page", shown.page());
            model.addAttribute("pages", shown.pages());
            model.addAttribute("results", null);
            model.addAttribute("italianResults", false);
            return "questions/faq-list";
        }
        Search.Results results = search.search(text, language, List.of(Faqs.SEARCH_KIND), chosenTopic, 30);
        boolean italian = false;
        if (results.hits().isEmpty() && language != Language.DEFAULT) {
            results = search.search(text, Language.DEFAULT, List.of(Faqs.SEARCH_KIND), chosenTopic, 30);
            italian = !results.hits().isEmpty();
        }
        if (results.hits().isEmpty()) {
            search.recordMiss(text, language);
            it.comune.immigrati.site.PageCache.skip(request); // every such search is counted for editors
        }
        model.addAttribute("faqs", List.of());
        model.addAttribute("page", 1);
        model.addAttribute("pages", 1);
        model.addAttribute("results", results);
        model.addAttribute("italianResults", italian);
        return "questions/faq-list";
    }

    @GetMapping("/faq/{slug}")
    String page(@PathVariable String slug, @RequestParam(name = "testo", defaultValue = "") String textLanguage,
            HttpServletRequest request, Model model) {
        // ?testo=it: the Italian text, the reference, inside a page in the visitor's language
        Language language = textLanguage.equals(Language.DEFAULT.code()) ? Language.DEFAULT
                : Language.of(RequestContextUtils.getLocale(request));
        ShownFaq faq = faqs.bySlug(slug).filter(FaqRecords.Faq::published)
                .map(f -> Faqs.shown(f, language))
                .filter(s -> s.text() != null)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("shown", faq);
        return "questions/faq-page";
    }
}
