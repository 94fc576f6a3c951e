package it.comune.immigrati.platform;

import java.util.regex.Pattern;

/** What the application accepts as an e-mail address (a plausible one: delivery is the real test). */
public final class EmailAddresses {

    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{2,}$");

    private EmailAddresses() {
    }

    public static boolean valid(String address) {
        return address != null && address.length() <= 254 && ADDRESS.matcher(address).matches();
    }

    /**
     * A PostgreSQL regular expression (for {@code ~*}) that finds the address in a text as a whole address:
     * a@x.it is not found inside ana@x.it nor inside a@x.it.com. Groups 1 and 2 are the characters around
     * it, for a replacement that keeps them.
     */
    public static String wholeAddressPattern(String address) {
        String literal = address.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\\\^$.|?*+()\\[\\]{}-]", "\\\\$0");
        return "(^|[^a-z0-9._%+-])" + literal + "($|[^a-z0-9.-])";
    }
}
