package it.comune.immigrati.practices.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers as residents type them, in the ways of their countries. */
class FormInputTest {

    private static BigDecimal read(String typed) {
        return FormInput.parse(typed).orElseThrow(() -> new AssertionError("not read: " + typed));
    }

    @Test
    void decimalCommaOrPointAndThousandsSeparatorsReadTheSame() {
        assertThat(read("12,5")).isEqualByComparingTo("12.5");
        assertThat(read("12.5")).isEqualByComparingTo("12.5");
        assertThat(read("7.101,12")).isEqualByComparingTo("7101.12");
        assertThat(read("7,101.12")).isEqualByComparingTo("7101.12");
        assertThat(read("12.000")).isEqualByComparingTo("12000");
        assertThat(read("1.200.000")).isEqualByComparingTo("1200000");
        assertThat(read("€ 12 500")).isEqualByComparingTo("12500");
        assertThat(read("12'500")).isEqualByComparingTo("12500");
        assertThat(read("2,70")).isEqualByComparingTo("2.70");
    }

    @Test
    void arabicUrduAndBengaliDigitsReadAsNumbers() {
        assertThat(read("١٢٠٠٠")).isEqualByComparingTo("12000");
        assertThat(read("٧٬١٠١٫١٢")).isEqualByComparingTo("7101.12");
        assertThat(read("۱۲۵۰۰")).isEqualByComparingTo("12500");
        assertThat(read("১২৫০০")).isEqualByComparingTo("12500");
    }

    @Test
    void wordsNegativeNumbersAndTooManyDecimalsAreNotNumbers() {
        for (String typed : new String[] { "dodici", "-5", "12,345,6", "1e5", "12.3456", "", "0x10", "99999999999999999999999" }) {
            assertThat(FormInput.parse(typed)).as(typed).isEqualTo(Optional.empty());
        }
    }

    @Property
    void anAmountWrittenTheItalianOrTheEnglishWayReadsBack(@ForAll @LongRange(max = 99_999_999_999L) long cents) {
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        String italian = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ITALY)).format(amount);
        String english = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK)).format(amount);
        assertThat(read(italian)).isEqualByComparingTo(amount);
        assertThat(read(english)).isEqualByComparingTo(amount);
        assertThat(read(amount.toPlainString())).isEqualByComparingTo(amount);
    }
}
