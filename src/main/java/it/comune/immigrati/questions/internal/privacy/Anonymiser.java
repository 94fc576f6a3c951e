package it.comune.immigrati.questions.internal.privacy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Removes what identifies a person from a question before it can become a public FAQ: e-mail addresses,
 * phone numbers, Italian tax codes, IBANs, document numbers, dates, and the requester's own name. An
 * editor still reads every draft: this catches what is easy to miss, it does not replace the review.
 */
public final class Anonymiser {

    private static final Map<Pattern, String> RULES = new LinkedHashMap<>();

    static {
        RULES.put(Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+"), "[e-mail]");
        RULES.put(Pattern.compile("\\bIT\\d{2}[A-Z]\\d{10}[0-9A-Z]{12}\\b", Pattern.CASE_INSENSITIVE), "[IBAN]");
        // codice fiscale: 6 letters, 2 digits, letter, 2 digits, letter, 3 digits, letter (digits may be letters: omocodia)
        RULES.put(Pattern.compile("\\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\\b",
                Pattern.CASE_INSENSITIVE), "[codice fiscale]");
        // passports, identity cards, residence permits: letters and digits mixed, 7 to 12 characters
        RULES.put(Pattern.compile("\\b(?=[A-Z0-9]{7,12}\\b)(?=[A-Z0-9]*\\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{7,12}\\b"), "[documento]");
        RULES.put(Pattern.compile("\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b"), "[data]");
        RULES.put(Pattern.compile("(?<![\\w/.,])\\+?\\d[\\d .-]{6,}\\d\\b"), "[telefono]");
    }

    private static final String LETTER = "[\\p{L}\\p{M}\\p{N}]";
    private static final Pattern GREETING = Pattern.compile("(?iu)((?:шановн(?:а|ий|і)|дорог(?:а|ий)|добрий день|здравствуйте|привіт|"
            + "gentil(?:e|issima|issimo)|car[oa]|buongiorno|salve|dear|hello|hi|cher|chère|bonjour|estimad[oa]|hola|"
            + "stimat(?:e|ă)|bună ziua|i nderuar|e nderuar|përshëndetje)[,!]?\\s+"
            + "(?:(?:пані|пане|пан|signora|signor|sig\\.(?:ra)?|mr\\.?|mrs\\.?|ms\\.?|madame|monsieur|señora|señor|doamna|domnule|zonja|zoti)\\s+)?)"
            + "(?-i:\\p{Lu}[\\p{L}\\p{M}'’-]+)(?:\\s+(?-i:\\p{Lu}[\\p{L}\\p{M}'’-]+))?");
    private static final Pattern ARABIC_GREETING = Pattern.compile("((?:عزيزي|عزيزتي|السيد|السيدة|الأخ|الأخت)\\s+)[\\p{IsArabic}&&\\p{L}]+");

    private Anonymiser() {
    }

    /**
     * A name part and its inflected forms: its start (all but the last letter, or two for longer names)
     * followed by up to three letters, as a whole word in any script ("Олена", "Олено", "Оленою").
     */
    private static Pattern nameForms(String part) {
        int length = part.length();
        String stem = part.substring(0, length <= 5 ? Math.max(3, length - 1) : length - 2);
        return Pattern.compile("(?<!" + LETTER + ")" + Pattern.quote(stem) + "[\\p{L}\\p{M}]{0,3}(?!" + LETTER + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public static String anonymise(String text, String requesterName) {
        String result = text == null ? "" : text;
        for (Map.Entry<Pattern, String> rule : RULES.entrySet()) {
            result = rule.getKey().matcher(result).replaceAll(rule.getValue());
        }
        if (requesterName != null) {
            for (String part : requesterName.split("\\s+")) {
                if (part.codePointCount(0, part.length()) >= 3) {
                    for (String form : Transliteration.forms(part)) {
                        result = nameForms(form).matcher(result).replaceAll("[nome]");
                    }
                }
            }
        }
        // "mi chiamo X", "my name is X", "je m'appelle X": the name that follows
        result = Pattern.compile("(?i)(mi chiamo|my name is|je m'appelle|me llamo|numele meu este|unë quhem|мене звати|мене звуть)\\s+[\\p{L}'-]+(\\s+[\\p{Lu}][\\p{L}'-]+)?")
                .matcher(result).replaceAll(m -> m.group(1) + " [nome]");
        // a greeting, perhaps a title, then a name: "Шановна пані Олено", "Gentile signora Rossi", "Dear Mr Ahmed"
        result = GREETING.matcher(result).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)) + "[nome]");
        result = ARABIC_GREETING.matcher(result).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)) + "[nome]");
        return result;
    }

    public static String slugFrom(String text, long id) {
        String ascii = java.text.Normalizer.normalize(text == null ? "" : text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String[] words = ascii.split("-");
        StringBuilder slug = new StringBuilder();
        for (String word : words) {
            if (slug.length() + word.length() > 60) {
                break;
            }
            if (!word.isEmpty()) {
                slug.append(slug.length() == 0 ? "" : "-").append(word);
            }
        }
        return (slug.length() < 3 ? "faq" : slug.toString()) + "-" + id;
    }
}
