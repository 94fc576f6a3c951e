package it.comune.immigrati.practices.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;


/**
 * Amounts and measures as a page shows them: in euros with the cents, or in square metres and metres
 * with as many decimals as they have, the Italian way (7.101,12) in every language, since these are
 * the figures the resident will meet on Italian forms and payslips.
 */
public final class Shown {

    private static final DecimalFormatSymbols ITALIAN = DecimalFormatSymbols.getInstance(Locale.ITALY);

    private Shown() {
    }

    public static String euros(BigDecimal amount) {
        return "€\u00A0" + new DecimalFormat("#,##0.00", ITALIAN).format(amount.setScale(2, RoundingMode.CEILING));
    }

    public static String decimal(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.##", ITALIAN);
        return format.format(value);
    }

    /** A multiple of the assegno sociale: 2,5. */
    public static String times(BigDecimal value) {
        return decimal(value);
    }
}
