package it.comune.immigrati.questions.internal.privacy;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A name as residents write it in the other script: the desk stores "Olena" and the letter says "Олено",
 * or the other way round. Ukrainian's official romanisation (2010), read both ways; good enough to find
 * a name, not to spell one.
 */
final class Transliteration {

    private static final String[][] PAIRS = {
            { "щ", "shch" }, { "ж", "zh" }, { "х", "kh" }, { "ц", "ts" }, { "ч", "ch" }, { "ш", "sh" }, { "ю", "iu" },
            { "я", "ia" }, { "є", "ie" }, { "ї", "i" }, { "й", "i" }, { "а", "a" }, { "б", "b" }, { "в", "v" },
            { "г", "h" }, { "ґ", "g" }, { "д", "d" }, { "е", "e" }, { "з", "z" }, { "и", "y" }, { "і", "i" },
            { "к", "k" }, { "л", "l" }, { "м", "m" }, { "н", "n" }, { "о", "o" }, { "п", "p" }, { "р", "r" },
            { "с", "s" }, { "т", "t" }, { "у", "u" }, { "ф", "f" }, { "ь", "" }, { "'", "" } };
    /** Latin spellings back to Cyrillic, longest first; some letters have a usual second spelling. */
    private static final Map<String, String> TO_CYRILLIC = Map.ofEntries(Map.entry("shch", "щ"), Map.entry("zh", "ж"),
            Map.entry("kh", "х"), Map.entry("ts", "ц"), Map.entry("ch", "ч"), Map.entry("sh", "ш"), Map.entry("iu", "ю"),
            Map.entry("yu", "ю"), Map.entry("ia", "я"), Map.entry("ya", "я"), Map.entry("ie", "є"), Map.entry("ye", "є"),
            Map.entry("yi", "ї"), Map.entry("a", "а"), Map.entry("b", "б"), Map.entry("v", "в"), Map.entry("h", "г"),
            Map.entry("g", "г"), Map.entry("d", "д"), Map.entry("e", "е"), Map.entry("z", "з"), Map.entry("y", "и"),
            Map.entry("i", "і"), Map.entry("k", "к"), Map.entry("l", "л"), Map.entry("m", "м"), Map.entry("n", "н"),
            Map.entry("o", "о"), Map.entry("p", "п"), Map.entry("r", "р"), Map.entry("s", "с"), Map.entry("t", "т"),
            Map.entry("u", "у"), Map.entry("f", "ф"), Map.entry("c", "к"), Map.entry("w", "в"), Map.entry("x", "кс"),
            Map.entry("j", "й"), Map.entry("q", "к"));

    private Transliteration() {
    }

    /** The name itself and its spelling in the other script, when it is Latin or Cyrillic. */
    static Set<String> forms(String name) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(name);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)) {
            StringBuilder latin = new StringBuilder();
            for (int i = 0; i < lower.length(); i++) {
                String letter = String.valueOf(lower.charAt(i));
                String mapped = letter;
                for (String[] pair : PAIRS) {
                    if (pair[0].equals(letter)) {
                        mapped = pair[1];
                        break;
                    }
                }
                latin.append(mapped);
            }
            forms.add(latin.toString());
        } else if (lower.chars().allMatch(c -> c < 128)) {
            StringBuilder cyrillic = new StringBuilder();
            for (int i = 0; i < lower.length(); ) {
                int taken = 0;
                for (int length = 4; length >= 1 && taken == 0; length--) {
                    if (i + length <= lower.length() && TO_CYRILLIC.containsKey(lower.substring(i, i + length))) {
                        cyrillic.append(TO_CYRILLIC.get(lower.substring(i, i + length)));
                        taken = length;
                    }
                }
                if (taken == 0) {
                    cyrillic.append(lower.charAt(i));
                    taken = 1;
                }
                i += taken;
            }
            forms.add(cyrillic.toString());
        }
        return forms;
    }
}
