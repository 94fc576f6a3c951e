package it.comune.immigrati.questions.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The desk's settings, under {@code aci.questions}. Its topics are the site's ({@code aci.topics}).
 */
@ConfigurationProperties("aci.questions")
public record QuestionsProperties(
        @DefaultValue("5") int answerWithinWorkingDays,
        @DefaultValue("3") int maxAttachments,
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("5000") int maxTextLength,
        @DefaultValue("5") int submissionsPerAddressPerHour,
        @DefaultValue("20") int submissionsPerClientPerHour,
        @DefaultValue("10m") Duration colleagueViewWindow,
        @DefaultValue("24") int retentionMonths,
        @DefaultValue("3") int unverifiedSubmissionsPerClientPerHour,
        @DefaultValue("10") int privateMessagesPerHour,
        @DefaultValue("10") int privateUploadsPerHour,
        @DefaultValue("assigned-and-languages") NeedToKnow.MediatorsSee mediatorsSee) {

    public static final String FALLBACK_TOPIC = "altro";
}
