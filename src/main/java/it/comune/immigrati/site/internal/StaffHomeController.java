package it.comune.immigrati.site.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import it.comune.immigrati.site.StaffCount;
import it.comune.immigrati.site.StaffNotice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff area's front page: what needs attention, and what each staff member can reach. */
@Controller
class StaffHomeController {

    private final List<StaffNotice> notices;
    private final List<StaffCount> counts;

    StaffHomeController(List<StaffNotice> notices, ObjectProvider<StaffCount> counts) {
        this.notices = notices;
        this.counts = counts.orderedStream().toList();
    }

    @GetMapping("/ufficio")
    String home(Authentication authentication, Model model) {
        Set<String> roles = authentication.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
        model.addAttribute("notices", notices.stream().flatMap(n -> n.itemsFor(authentication.getName(), roles).stream()).toList());
        Map<String, StaffCount.Item> shown = new HashMap<>();
        counts.forEach(count -> count.countFor(authentication.getName(), roles).ifPresent(item -> shown.put(count.path(), item)));
        model.addAttribute("counts", shown);
        return "site/staff-home";
    }
}
