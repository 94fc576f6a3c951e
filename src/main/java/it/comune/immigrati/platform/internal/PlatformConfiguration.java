package it.comune.immigrati.platform.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Properties;

import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.platform.EmbeddedMailServer;
import it.comune.immigrati.platform.Installation;
import it.comune.immigrati.platform.WorkingDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

    @Bean
    Installation installation(AciProperties properties, Environment environment) {
        boolean embeddedDatabase = environment.getProperty("spring.datasource.url", "").isBlank();
        boolean embeddedMail = environment.getProperty("spring.mail.host", "").isBlank();
        return new Installation(embeddedDatabase, embeddedMail, properties.demoDataEnabled(embeddedDatabase));
    }

    /**
     * The office's time: every rule that asks when now is (due dates, retention, reminders, lockouts)
     * takes this bean, so a test or a module can run it at another time. Europe/Rome, as the office.
     */
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/Rome"));
    }

    /** The office's calendar, with the Comune's patron day. */
    @Bean
    WorkingDays workingDays(AciProperties properties) {
        return new WorkingDays(properties.comune().patronMonthDay());
    }

    @Bean
    TrustedProxies trustedProxies(AciProperties properties) {
        return new TrustedProxies(properties.security().trustedProxies());
    }

    @Bean
    ContinueOnRead continueOnRead() {
        return new ContinueOnRead();
    }

    /** With no {@code spring.mail.host}, mail goes to GreenMail on loopback instead of a provider. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
    static class EmbeddedMail {

        @Bean(destroyMethod = "close")
        GreenMailServer embeddedMailServer(AciProperties properties) {
            AciProperties.Mail mail = properties.mail();
            GreenMailServer server = new GreenMailServer(mail.embedded().smtpPort(), mail.embedded().imapPort(),
                    mail.deskAddress(), EmbeddedMailServer.DESK_PASSWORD);
            log.info("Embedded mail server: SMTP 127.0.0.1:{}, IMAP 127.0.0.1:{} (desk mailbox {})",
                    server.smtpPort(), server.imapPort(), mail.deskAddress());
            return server;
        }

        @Bean
        JavaMailSender mailSender(EmbeddedMailServer server) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost(server.smtpHost());
            sender.setPort(server.smtpPort());
            sender.setDefaultEncoding("UTF-8");
            Properties javaMail = sender.getJavaMailProperties();
            javaMail.put("mail.smtp.connectiontimeout", "5000");
            javaMail.put("mail.smtp.timeout", "10000");
            javaMail.put("mail.smtp.writetimeout", "10000");
            return sender;
        }
    }
}
