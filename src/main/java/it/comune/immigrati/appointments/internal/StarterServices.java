package it.comune.immigrati.appointments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.site.OpeningHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.Yaml;

/**
 * A new installation can take bookings at once: on the first start the Comune's office (its name,
 * address and opening hours from {@code aci.comune}) and the starter services of
 * {@code content/appointments/services.yml} are created. Staff change them afterwards; nothing here
 * runs again once an office or a service exists. Two nodes starting together create them once.
 */
@Component
@Order(25)
class StarterServices implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StarterServices.class);
    static final String OFFICE_CODE = "ufficio";

    private final JdbcClient jdbc;
    private final AciProperties properties;

    StarterServices(JdbcClient jdbc, AciProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM appointment_office)").query(Boolean.class).single()) {
            createOffice();
        }
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM appointment_service)").query(Boolean.class).single()) {
            createServices();
        }
    }

    private void createOffice() {
        AciProperties.Comune comune = properties.comune();
        Long office = jdbc.sql("""
                INSERT INTO appointment_office (code, name, address, desks) VALUES (:code, :name, :address, 2)
                ON CONFLICT (code) DO NOTHING RETURNING id
                """).param("code", OFFICE_CODE).param("name", comune.office()).param("address", comune.address())
                .query(Long.class).optional().orElse(null);
        if (office == null) {
            return;
        }
        for (OpeningHours.Slot slot : OpeningHours.slots(comune.openingHours())) {
            jdbc.sql("""
                    INSERT INTO appointment_opening (office_id, weekday, opens, closes) VALUES (:office, :day, :opens, :closes)
                    ON CONFLICT DO NOTHING
                    """).param("office", office).param("day", slot.day().getValue()).param("opens", slot.from())
                    .param("closes", slot.to()).update();
        }
        log.info("Appointments: office {} created with the Comune's opening hours", comune.office());
    }

    @SuppressWarnings("unchecked")
    private void createServices() {
        Map<String, Object> file;
        try (InputStream in = new ClassPathResource("content/appointments/services.yml").getInputStream()) {
            file = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int position = 0;
        for (Map<String, Object> service : (List<Map<String, Object>>) file.get("services")) {
            Long id = jdbc.sql("""
                    INSERT INTO appointment_service (code, duration_minutes, min_notice_hours, max_days_ahead,
                                                     max_active_per_person, scarce, guide_slug, position)
                    VALUES (:code, :duration, :notice, :ahead, :perPerson, :scarce, :guide, :position)
                    ON CONFLICT (code) DO NOTHING RETURNING id
                    """).param("code", service.get("code")).param("duration", service.get("duration"))
                    .param("notice", service.get("notice-hours")).param("ahead", service.get("days-ahead"))
                    .param("perPerson", service.get("per-person")).param("scarce", Boolean.TRUE.equals(service.get("scarce")))
                    .param("guide", service.get("guide")).param("position", position++).query(Long.class).optional()
                    .orElse(null);
            if (id == null) {
                continue;
            }
            ((Map<String, Map<String, String>>) service.get("texts")).forEach((language, text) -> jdbc.sql("""
                    INSERT INTO appointment_service_text (service_id, language, name, description, bring)
                    VALUES (:service, :language, :name, :description, :bring)
                    """).param("service", id).param("language", language).param("name", text.get("name").strip())
                    .param("description", text.getOrDefault("description", "").strip())
                    .param("bring", text.getOrDefault("bring", "").strip()).update());
            jdbc.sql("""
                    INSERT INTO appointment_service_office (service_id, office_id) SELECT :service, id FROM appointment_office
                    ON CONFLICT DO NOTHING
                    """).param("service", id).update();
        }
        log.info("Appointments: {} starter services created", position);
    }
}
