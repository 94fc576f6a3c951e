package it.comune.immigrati.platform;

import java.util.List;

/**
 * Who may reach a group of URLs. Each module declares beans of this type for its own routes; the
 * security configuration applies them most specific pattern first. Anything under {@code /ufficio}
 * that no rule names is open to every staff member; everything else no rule names is denied.
 *
 * @param pattern a path pattern ({@code /ufficio/pagine/**})
 * @param roles   the roles allowed; empty means everybody, anonymous visitors included
 */
public record AccessRule(String pattern, List<String> roles) {

    public static AccessRule anyone(String pattern) {
        return new AccessRule(pattern, List.of());
    }

    public static AccessRule roles(String pattern, String... roles) {
        return new AccessRule(pattern, List.of(roles));
    }

    public boolean open() {
        return roles.isEmpty();
    }
}
