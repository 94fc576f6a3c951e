package it.comune.immigrati.site.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff area's front page: what each staff member can reach. */
@Controller
class StaffHomeController {

    @GetMapping("/ufficio")
    String home() {
        return "site/staff-home";
    }
}
