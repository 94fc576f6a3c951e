package it.comune.immigrati.mail.internal;

import java.util.HashMap;
import java.util.Map;

import it.comune.immigrati.platform.AciProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unusable mail settings stop the start with a message that names the key, instead of failing every send. */
class MailSettingsCheckTest {

    private static AciProperties settings(String... keysAndValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return it.comune.immigrati.testing.Settings.aci(map);
    }

    @Test
    void theDefaultsAndNamesInAnyLanguagePass() {
        assertThat(MailSettingsCheck.problems(settings().mail())).isEmpty();
        assertThat(MailSettingsCheck.problems(settings("aci.mail.from", "Comune di Cantù – Ufficio Stranieri <stranieri@comune.cantu.example>",
                "aci.mail.desk-address", "sportello@comune.cantu.example").mail())).isEmpty();
        assertThat(MailSettingsCheck.problems(settings("aci.mail.from", "مكتب المهاجرين <desk@comune.example>").mail())).isEmpty();
    }

    @Test
    void eachUnusableSettingIsNamed() {
        assertThat(MailSettingsCheck.problems(settings("aci.mail.from", "Comune di Forlì, Ufficio <uff@forli", 
                "aci.mail.desk-address", "quesiti", "aci.mail.imap.port", "70000", "aci.mail.imap.host", "imap.example").mail()))
                .hasSize(4).anySatisfy(p -> assertThat(p).startsWith("aci.mail.from"))
                .anySatisfy(p -> assertThat(p).startsWith("aci.mail.desk-address"))
                .anySatisfy(p -> assertThat(p).startsWith("aci.mail.imap.port"))
                .anySatisfy(p -> assertThat(p).startsWith("aci.mail.imap.username"));
        assertThatThrownBy(() -> new MailSettingsCheck(settings("aci.mail.desk-address", "quesiti")))
                .hasMessageContaining("aci.mail.desk-address");
    }
}
