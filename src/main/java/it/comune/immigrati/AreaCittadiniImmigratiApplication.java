package it.comune.immigrati;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Area Cittadini Immigrati application: one modular monolith in front of one PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AreaCittadiniImmigratiApplication {

    /**
     * A first word that is not an option names a command (a {@code platform.Command} bean, e.g.
     * {@code import-guides <folder>}) that runs once against the database and exits.
     */
    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            // a command is not a node: no fixed port, no demo data, no mail polling or delivery
            // (system properties rank above application.yml; command-line options still win)
            Map.of("server.port", "0", "aci.demo-data", "false", "aci.mail.imap.enabled", "false",
                    "aci.mail.outbox.enabled", "false", "aci.mail.embedded.smtp-port", "0",
                    "aci.mail.embedded.imap-port", "0")
                    .forEach((key, value) -> {
                        if (System.getProperty(key) == null) {
                            System.setProperty(key, value);
                        }
                    });
            System.exit(SpringApplication.exit(SpringApplication.run(AreaCittadiniImmigratiApplication.class, args)));
        }
        SpringApplication.run(AreaCittadiniImmigratiApplication.class, args);
    }
}
