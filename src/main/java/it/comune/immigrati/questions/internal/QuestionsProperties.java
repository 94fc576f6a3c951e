package it.comune.immigrati.questions.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The desk's settings, under {@code aci.questions}. Topics are codes; their labels are the messages
 * {@code topic.<code>} (a topic without a label shows its code).
 */
@ConfigurationProperties("aci.questions")
record QuestionsProperties(
        @DefaultValue({ "permesso-di-soggiorno", "ricongiungimento-familiare", "cittadinanza", "residenza-anagrafe",
                "lavoro", "casa", "scuola", "salute", "corsi-di-italiano", "altro" }) List<String> topics,
        @DefaultValue("5") int answerWithinWorkingDays,
        @DefaultValue("3") int maxAttachments,
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("5000") int maxTextLength,
        @DefaultValue("5") int submissionsPerAddressPerHour,
        @DefaultValue("20") int submissionsPerClientPerHour,
        @DefaultValue("10m") Duration colleagueViewWindow,
        @DefaultValue("24") int retentionMonths,
        @DefaultValue("3") int unverifiedSubmissionsPerClientPerHour,
        String proofOfWorkKey,
        @DefaultValue("50000") long proofOfWorkMaxNumber) {

    static final String FALLBACK_TOPIC = "altro";
}
