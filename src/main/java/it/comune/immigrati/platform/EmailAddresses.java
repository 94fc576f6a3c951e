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
}
