package it.comune.immigrati.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.MonthDay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything an installing Comune configures, under the prefix {@code aci.}. The README's configuration
 * table documents each key.
 */
@ConfigurationProperties("aci")
public record AciProperties(
        @DefaultValue("./data") Path dataDir,
        Boolean demoData,
        @DefaultValue Comune comune,
        @DefaultValue Mail mail,
        @DefaultValue Security security,
        @DefaultValue({ "permesso-di-soggiorno", "ricongiungimento-familiare", "cittadinanza", "residenza-anagrafe",
                "lavoro", "casa", "scuola", "salute", "corsi-di-italiano", "altro" }) java.util.List<String> topics) {

    /*
     * topics: the codes that questions, guides and search share; their labels are the messages
     * topic.<code> (a topic without a label shows its code).
     */

    /** Demo data is on by default when the database is the embedded one. */
    public boolean demoDataEnabled(boolean embeddedDatabase) {
        return demoData != null ? demoData : embeddedDatabase;
    }

    /**
     * What residents see where an editor marked a figure "[da verificare]": a short note in their
     * language that it is still to be confirmed, or nothing.
     */
    public enum UnconfirmedFigures { NOTE, HIDE }

    public record Comune(
            @DefaultValue("Comune di Saronno") String name,
            @DefaultValue("Regione Lombardia") String region,
            @DefaultValue("/static/img/logo-comune.svg") String logo,
            @DefaultValue("https://www.comune.saronno.va.it") String website,
            @DefaultValue("Piazza della Repubblica 7, 21047 Saronno (VA)") String address,
            @DefaultValue("02 967101") String phone,
            @DefaultValue("immigrati@comune.saronno.va.it") String email,
            @DefaultValue("comunesaronno@secmail.it") String pec,
            @DefaultValue("Ufficio Cittadini Immigrati") String office,
            @DefaultValue("MON 09:00-12:30, WED 14:30-17:30, THU 09:00-12:30") String openingHours,
            @DefaultValue("12-26") String patronDay,
            @DefaultValue("https://form.agid.gov.it") String accessibilityFeedbackUrl,
            @DefaultValue("NOTE") UnconfirmedFigures unconfirmedFigures) {

        public MonthDay patronMonthDay() {
            return MonthDay.parse("--" + patronDay);
        }
    }

    public record Mail(
            @DefaultValue("quesiti@aci.local") String deskAddress,
            @DefaultValue("Area Cittadini Immigrati <noreply@aci.local>") String from,
            @DefaultValue("aci.local") String messageIdDomain,
            @DefaultValue("http://localhost:8080") String publicBaseUrl,
            @DefaultValue Embedded embedded,
            @DefaultValue Outbox outbox,
            @DefaultValue Imap imap,
            @DefaultValue("180d") Duration retention,
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("30s") Duration timeout) {

        /*
         * connect-timeout and timeout (each read and write) bound every SMTP and IMAP conversation: a mail
         * server that stops answering costs that long, then the message waits for its next attempt.
         */

        /**
         * The desk mailbox, read over IMAP. With the embedded mail server and no host given, it is the
         * embedded server's mailbox of {@code desk-address}.
         */
        public record Imap(
                @DefaultValue("true") boolean enabled,
                String host,
                @DefaultValue("0") int port,
                String username,
                String password,
                @DefaultValue("false") boolean ssl,
                @DefaultValue("INBOX") String folder,
                @DefaultValue("15s") Duration pollInterval,
                @DefaultValue("25MB") org.springframework.util.unit.DataSize maxMessageSize,
                @DefaultValue("Processed") String processedFolder) {
        }

        public record Embedded(
                @DefaultValue("3025") int smtpPort,
                @DefaultValue("3143") int imapPort) {
        }

        public record Outbox(
                @DefaultValue("2s") Duration pollInterval,
                @DefaultValue("50") int batchSize,
                @DefaultValue("12") int maxAttempts,
                @DefaultValue("30s") Duration firstRetry,
                @DefaultValue("6h") Duration maxRetry,
                @DefaultValue("15m") Duration healthMaxDelay) {
        }
    }

    public record Security(
            @DefaultValue("5") int maxFailedLogins,
            @DefaultValue("1m") Duration firstLockout,
            @DefaultValue("1h") Duration maxLockout,
            /** wrong passwords or codes from one client, whatever the account, before it is refused */
            @DefaultValue("20") int maxFailedLoginsPerClient,
            @DefaultValue("15m") Duration clientFailureWindow,
            /** unknown private links one client may try before it is refused */
            @DefaultValue("30") int maxUnknownLinksPerClient,
            @DefaultValue("72h") Duration invitationValidity,
            @DefaultValue("Area Cittadini Immigrati") String totpIssuer,
            /** a staff session ends this long after sign-in, however busy it is (the idle timeout is apart) */
            @DefaultValue("12h") Duration sessionMaxLifetime,
            /**
             * the reverse proxies whose X-Forwarded-For (and -Proto, -Host) is believed: addresses or CIDR
             * ranges; from any other peer the headers are ignored and the peer is the client
             */
            @DefaultValue({ "127.0.0.1", "::1" }) java.util.List<String> trustedProxies,
            /** the key that signs proof-of-work challenges: the same on every node (unset, random per node) */
            String proofOfWorkKey,
            /** the challenges' difficulty: the largest number the browser may have to try */
            @DefaultValue("50000") long proofOfWorkMaxNumber) {
    }
}
