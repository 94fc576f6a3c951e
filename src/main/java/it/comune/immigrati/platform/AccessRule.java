package it.comune.immigrati.platform;

import java.util.List;

/**
 * Who may reach a group of URLs. Modules declare their routes as {@code site.Route} beans, which carry
 * one of these; the platform declares its own (the API description) as beans of this type. The security
 * configuration applies them most specific pattern first; a URL that no rule names is denied.
 *
 * @param pattern a path pattern ({@code /ufficio/pagine/**})
 * @param roles   the roles allowed; empty means everybody, anonymous visitors included
 */
public record AccessRule(String pattern, List<String> roles) {

    public static AccessRule anyone(String pattern) {
        return new AccessRule(pattern, List.of());
    }

    public static AccessRule roles(String pattern, String... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException(pattern + ": name the roles (an empty list would open it to everybody)");
        }
        return new AccessRule(pattern, List.of(roles));
    }

    public boolean open() {
        return roles.isEmpty();
    }
}
