package it.comune.immigrati.site.internal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.site.Language;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Editors keep the privacy notice, the accessibility statement and the legal notes current. */
@Controller
@RequestMapping("/ufficio/pagine")
class StaffPagesController {

    private final SitePages pages;

    StaffPagesController(SitePages pages) {
        this.pages = pages;
    }

    @GetMapping
    String list(Model model) {
        List<PageRow> rows = new ArrayList<>();
        for (String slug : SitePages.SLUGS) {
            List<PageRow.Coverage> coverage = new ArrayList<>();
            for (Language language : Language.values()) {
                var text = pages.text(slug, language);
                coverage.add(new PageRow.Coverage(language, text.isPresent(), text.map(SitePages.PageText::edited).orElse(false)));
            }
            rows.add(new PageRow(slug, pages.text(slug, Language.DEFAULT).orElseThrow().title(), coverage));
        }
        model.addAttribute("rows", rows);
        return "site/staff-pages";
    }

    @GetMapping("/{slug}/{lang}")
    String edit(@PathVariable String slug, @PathVariable String lang, Model model) {
        Language language = language(slug, lang);
        PageForm form = new PageForm();
        pages.text(slug, language).or(() -> pages.text(slug, Language.DEFAULT)).ifPresent(text -> {
            form.setTitle(text.title());
            form.setBody(text.markdown());
        });
        return editor(slug, language, form, List.of(), model);
    }

    @PostMapping("/{slug}/{lang}")
    String save(@PathVariable String slug, @PathVariable String lang, @Validated @ModelAttribute PageForm form,
            BindingResult binding, Principal editor, Model model, RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        Language language = language(slug, lang);
        if (binding.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(slug, language, form,
                    binding.getFieldErrors().stream().map(e -> "pages.error." + e.getField()).distinct().toList(), model);
        }
        pages.save(slug, language, form.getTitle().strip(), form.getBody().strip(), editor.getName());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/ufficio/pagine";
    }

    private String editor(String slug, Language language, PageForm form, List<String> errors, Model model) {
        model.addAttribute("slug", slug);
        model.addAttribute("language", language);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "site/staff-page-edit";
    }

    private static Language language(String slug, String lang) {
        if (!SitePages.SLUGS.contains(slug)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return Language.byCode(lang).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
