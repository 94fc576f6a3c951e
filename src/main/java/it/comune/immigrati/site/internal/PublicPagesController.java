package it.comune.immigrati.site.internal;

import it.comune.immigrati.site.Language;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

@Controller
class PublicPagesController {

    private final SitePages pages;

    PublicPagesController(SitePages pages) {
        this.pages = pages;
    }

    @GetMapping("/")
    String home() {
        return "site/home";
    }

    @GetMapping({ "/privacy", "/accessibilita", "/note-legali" })
    String page(HttpServletRequest request, Model model) {
        String slug = request.getRequestURI().substring(1);
        ShownPage page = pages.show(slug, LanguageFilter.languageOf(request))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("page", page);
        return "site/page";
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .body("User-agent: *\nDisallow: /ufficio/\nDisallow: /login\nDisallow: /invito/\nDisallow: /quesiti/stato/\n");
    }
}
