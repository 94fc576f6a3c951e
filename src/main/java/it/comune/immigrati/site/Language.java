package it.comune.immigrati.site;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages of the user interface, each named in itself. Italian is the default. */
public enum Language {
    IT("it", "Italiano", false),
    EN("en", "English", false),
    FR("fr", "Français", false),
    ES("es", "Español", false),
    AR("ar", "العربية", true),
    RO("ro", "Română", false),
    SQ("sq", "Shqip", false),
    UK("uk", "Українська", false),
    ZH("zh", "中文（简体）", false),
    UR("ur", "اردو", true),
    BN("bn", "বাংলা", false);

    public static final Language DEFAULT = IT;

    private final String code;
    private final String nativeName;
    private final boolean rightToLeft;

    Language(String code, String nativeName, boolean rightToLeft) {
        this.code = code;
        this.nativeName = nativeName;
        this.rightToLeft = rightToLeft;
    }

    public String code() {
        return code;
    }

    public String nativeName() {
        return nativeName;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    /** The value of {@code <html dir>}. */
    public String dir() {
        return rightToLeft ? "rtl" : "ltr";
    }

    /** The BCP 47 tag for {@code <html lang>}; Chinese is the simplified script. */
    public String htmlLang() {
        return this == ZH ? "zh-Hans" : code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public static Optional<Language> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code.equals(normalized)).findFirst();
    }

    public static Language of(Locale locale) {
        return locale == null ? DEFAULT : byCode(locale.getLanguage()).orElse(DEFAULT);
    }
}
