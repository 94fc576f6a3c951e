package it.comune.immigrati.accounts.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;

import it.comune.immigrati.platform.EmailAddresses;
import it.comune.immigrati.platform.PrivacyRequests;
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

/** Supervisors answer residents' access and erasure requests by e-mail address, for every module at once. */
@Controller
class PrivacyController {

    private final PrivacyRequests privacy;
    private final tools.jackson.databind.json.JsonMapper json;

    PrivacyController(PrivacyRequests privacy, tools.jackson.databind.json.JsonMapper json) {
        this.privacy = privacy;
        this.json = json;
    }

    @GetMapping("/ufficio/privacy")
    String page(@RequestParam(defaultValue = "") String email, Model model) {
        String address = email.strip();
        model.addAttribute("email", address);
        model.addAttribute("held", EmailAddresses.valid(address) ? privacy.held(address) : Map.of());
        return "accounts/privacy";
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
            return "redirect:/ufficio/privacy?email=" + URLEncoder.encode(address, StandardCharsets.UTF_8);
        }
        int erased = privacy.erase(address, staff.getName()).values().stream().mapToInt(Integer::intValue).sum();
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
