package it.comune.immigrati.site;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import it.comune.immigrati.platform.AciProperties;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page template needs besides its own data: the visitor's language and its messages, the
 * CSRF token for forms, the navigation, the Comune, and who is signed in. Built once per request by the
 * site module and handed to every view as the model attribute {@code ui}.
 */
public final class Ui {

    public static final java.time.ZoneId ROME = java.time.ZoneId.of("Europe/Rome");
    // one way of writing a date on every page: the same long date alone and with its time ("2 dicembre 2026")
    private static final java.time.format.DateTimeFormatter DATE_TIME = java.time.format.DateTimeFormatter
            .ofLocalizedDateTime(java.time.format.FormatStyle.LONG, java.time.format.FormatStyle.SHORT);
    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
            .ofLocalizedDate(java.time.format.FormatStyle.LONG);

    private final Language language;
    private final MessageSource messages;
    private final AciProperties.Comune comune;
    private final String csrfParameter;
    private final java.util.function.Supplier<String> csrfToken;
    private final String requestUri;
    private final String queryString;
    private final List<NavigationItem> navigation;
    private final String username;
    private final Set<String> roles;
    private final AssetUrls assets;

    /** Resolves a static asset's path to its fingerprinted URL. */
    @FunctionalInterface
    public interface AssetUrls {
        String url(String path);
    }

    /** Editors' Markdown as residents see it: marks for staff turned into a note in their language, or hidden. */
    public String forResidents(String html) {
        return Markdown.forResidents(html, comune.unconfirmedFigures() == AciProperties.UnconfirmedFigures.HIDE ? null
                : t("site.unconfirmed"));
    }

    public Ui(Language language, MessageSource messages, AciProperties.Comune comune, String csrfParameter,
            java.util.function.Supplier<String> csrfToken, String requestUri, String queryString, List<NavigationItem> navigation, String username,
            Set<String> roles, AssetUrls assets) {
        this.language = language;
        this.messages = messages;
        this.comune = comune;
        this.csrfParameter = csrfParameter;
        this.csrfToken = csrfToken;
        this.requestUri = requestUri;
        this.queryString = queryString;
        this.navigation = navigation;
        this.username = username;
        this.roles = roles;
        this.assets = assets;
    }

    /** The message {@code key} in the visitor's language, with {@code args} filled in. */
    public String t(String key, Object... args) {
        if (language.rightToLeft() && args.length > 0) {
            // codes, addresses, dates and names keep their own direction inside right-to-left text:
            // each is isolated (FSI ... PDI), or "Q-2026-000007" and "nome@esempio.it" come out scrambled
            Object[] isolated = args.clone();
            for (int i = 0; i < isolated.length; i++) {
                if (isolated[i] instanceof CharSequence text) {
                    isolated[i] = "\u2068" + text + "\u2069";
                }
            }
            args = isolated;
        }
        try {
            return messages.getMessage(key, args, language.locale());
        } catch (org.springframework.context.NoSuchMessageException untranslated) {
            // a key a Comune added without translating it: Italian rather than a broken page
            return messages.getMessage(key, args, Language.DEFAULT.locale());
        }
    }

    /**
     * The message {@code key} with a code (Q-2026-000007) as its argument, as HTML in which the code is
     * never broken across lines at its hyphens (a heading on a phone split it in two); for {@code $unsafe}.
     */
    public String withCode(String key, String code) {
        String escapedCode = escape(code);
        return escape(t(key, code)).replace(escapedCode, "<span class=\"aci-nowrap\" dir=\"ltr\">" + escapedCode + "</span>");
    }

    private static String escape(String text) {
        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
        gg.jte.html.escape.Escape.htmlContent(text, out);
        return out.toString();
    }

    /** The message {@code key} without arguments, or {@code fallback} when no language has it (a code a module added later). */
    public String label(String key, String fallback) {
        return messages.getMessage(key, null, fallback, language.locale());
    }

    /** The office's opening hours in the visitor's language ({@link OpeningHours}). */
    public OpeningHours.Shown openingHours() {
        return OpeningHours.in(comune.openingHours(), language.locale());
    }

    /** The label of a question topic, or its code when no label exists (a topic a Comune added). */
    public String topic(String code) {
        return messages.getMessage("topic." + code, null, code, language.locale());
    }

    public Language language() {
        return language;
    }

    public String lang() {
        return language.htmlLang();
    }

    public String dir() {
        return language.dir();
    }

    public List<Language> languages() {
        return Arrays.asList(Language.values());
    }

    public AciProperties.Comune comune() {
        return comune;
    }

    public String csrfParameter() {
        return csrfParameter;
    }

    /** Asked only by pages with a form, so pages without one set no cookie and stay cacheable. */
    public String csrfToken() {
        return csrfToken.get();
    }

    public String asset(String path) {
        return assets.url(path);
    }

    /**
     * The fonts the page's language is written in, for {@code <link rel="preload">}: fetched with the
     * stylesheets rather than after layout, so a cheap phone does not lay the page out twice (Lighthouse
     * measured a layout shift of 0.21 when the Arabic font arrived late). For Chinese, the one file with
     * the site's own characters; the pieces with every other character are linked on staff pages only,
     * where residents' own words are read.
     */
    private static final String TITILLIUM_PATH =
            "/webjars/bootstrap-italia/2.17.0/dist/fonts/Titillium_Web/titillium-web-v10-latin-ext_latin-";
    private static final List<String> TITILLIUM = List.of("regular", "600", "700");

    public List<String> fontsToPreload() {
        List<String> files = switch (language.code()) {
            case "ar", "ur" -> List.of("noto-naskh-arabic-arabic-400-normal.woff2");
            case "bn" -> List.of("noto-sans-bengali-bengali-400-normal.woff2");
            case "uk" -> List.of("noto-sans-cyrillic-400-normal.woff2", "noto-sans-cyrillic-700-normal.woff2");
            case "zh" -> List.of("noto-sans-sc-core-400-normal.woff2");
            default -> List.of();
        };
        if (files.isEmpty()) {
            // Latin script: Bootstrap Italia's Titillium, text and the navigation's and headings' weights. Found
            // late, a longer Italian menu wrapped once more in the fallback font and moved the page (CLS 0.18)
            return TITILLIUM.stream().map(weight -> TITILLIUM_PATH + weight + ".woff2").toList();
        }
        return files.stream().map(file -> asset("/static/fonts/" + file)).toList();
    }

    /** The current page in another language. */
    public String switchTo(Language target) {
        return UriComponentsBuilder.fromPath(requestUri).query(queryString).replaceQueryParam("lang", target.code())
                .build().toUriString();
    }

    public boolean isCurrent(String path) {
        return "/".equals(path) ? "/".equals(requestUri) : requestUri.equals(path) || requestUri.startsWith(path + "/");
    }

    public List<NavigationItem> mainNavigation() {
        return area(NavigationItem.Area.MAIN);
    }

    public List<NavigationItem> footerNavigation() {
        return area(NavigationItem.Area.FOOTER);
    }

    public List<NavigationItem> staffNavigation() {
        return navigation.stream().filter(i -> i.area() == NavigationItem.Area.STAFF)
                .filter(i -> i.roles().isEmpty() || i.roles().stream().anyMatch(roles::contains)).toList();
    }

    /** Whether the page shown is one of the group's entries (the group's menu is marked as current). */
    public boolean isCurrentGroup(List<NavigationItem> items) {
        return items.stream().anyMatch(i -> isCurrent(i.path()));
    }

    /** The staff entries this member sees, by group, groups in their fixed order ({@link NavigationItem#GROUP_DESK} first). */
    public java.util.Map<String, List<NavigationItem>> staffNavigationByGroup() {
        java.util.Map<String, List<NavigationItem>> groups = new java.util.LinkedHashMap<>();
        for (String group : NavigationItem.GROUPS) {
            groups.put(group, new java.util.ArrayList<>());
        }
        staffNavigation().forEach(item -> groups.computeIfAbsent(item.group(), g -> new java.util.ArrayList<>()).add(item));
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    private List<NavigationItem> area(NavigationItem.Area area) {
        return navigation.stream().filter(i -> i.area() == area).toList();
    }

    /** The signed-in staff member's user name, or null for a citizen. */
    public String username() {
        return username;
    }

    public boolean signedIn() {
        return username != null;
    }

    /** A moment as the office reads it: Europe/Rome, in the visitor's language. */
    public String dateTime(java.time.temporal.TemporalAccessor moment) {
        if (moment == null) {
            return "";
        }
        java.time.Instant instant = moment instanceof java.time.OffsetDateTime odt ? odt.toInstant()
                : java.time.Instant.from(moment);
        return DATE_TIME.withLocale(language.locale()).format(instant.atZone(ROME));
    }

    public String date(java.time.LocalDate date) {
        return date == null ? "" : DATE.withLocale(language.locale()).format(date);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
