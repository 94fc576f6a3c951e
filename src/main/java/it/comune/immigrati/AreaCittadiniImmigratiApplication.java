package it.comune.immigrati;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Area Cittadini Immigrati application: one modular monolith in front of one PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AreaCittadiniImmigratiApplication {

    public static void main(String[] args) {
        SpringApplication.run(AreaCittadiniImmigratiApplication.class, args);
    }
}
