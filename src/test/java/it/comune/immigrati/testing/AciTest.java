package it.comune.immigrati.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a real port, with its embedded PostgreSQL (in a fresh directory under
 * target/) and its embedded mail server on free ports, demo data on as a new installation has it.
 * Every test class with this annotation shares one running application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "aci.data-dir=target/test-data/${random.uuid}",
        "aci.mail.embedded.smtp-port=0",
        "aci.mail.embedded.imap-port=0",
        "aci.mail.outbox.poll-interval=200ms",
        "aci.mail.imap.poll-interval=300ms",
        "ACI_ADMIN_PASSWORD=" + AciTest.ADMIN_PASSWORD })
public @interface AciTest {

    String ADMIN_PASSWORD = "prova-amministratore-2026";
}
