package it.comune.immigrati.questions.internal;

import java.security.Principal;
import java.util.Map;

import it.comune.immigrati.platform.EmailAddresses;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Supervisors answer residents' access and erasure requests by e-mail address. */
@Controller
class PrivacyController {

    private final QuestionPrivacy privacy;
    private final tools.jackson.databind.json.JsonMapper json;

    PrivacyController(QuestionPrivacy privacy, tools.jackson.databind.json.JsonMapper json) {
        this.privacy = privacy;
        this.json = json;
    }

    @GetMapping("/ufficio/privacy")
    String page(@RequestParam(defaultValue = "") String email, Model model) {
        String address = email.strip();
        model.addAttribute("email", address);
        model.addAttribute("questions", EmailAddresses.valid(address) ? privacy.questionsOf(address)
                : java.util.List.of());
        return "questions/privacy";
    }

    @PostMapping("/ufficio/privacy/esporta")
    ResponseEntity<byte[]> export(@RequestParam String email, Principal staff) {
        String address = valid(email);
        Map<String, Object> data = privacy.export(address, staff.getName());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("dati-" + address.replaceAll("[^A-Za-z0-9.@_-]", "_") + ".json").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(data));
    }

    @PostMapping("/ufficio/privacy/cancella")
    String erase(@RequestParam String email, @RequestParam(defaultValue = "false") boolean confirm, Principal staff,
            RedirectAttributes redirect) {
        String address = valid(email);
        if (!confirm) {
            redirect.addFlashAttribute("problem", "privacy.confirm.missing");
            return "redirect:/ufficio/privacy?email=" + java.net.URLEncoder.encode(address, java.nio.charset.StandardCharsets.UTF_8);
        }
        int erased = privacy.erase(address, staff.getName());
        redirect.addFlashAttribute("erased", erased);
        return "redirect:/ufficio/privacy";
    }

    private static String valid(String email) {
        String address = email.strip();
        if (!EmailAddresses.valid(address)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return address;
    }
}
