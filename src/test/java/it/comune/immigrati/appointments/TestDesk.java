package it.comune.immigrati.appointments;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An office and a service of its own for one test, so that tests sharing the running application do
 * not take each other's times: open every day 8:00-18:00 (holidays closed), 30-minute appointments, no
 * minimum notice, two weeks ahead, one active booking per address. Closed today, so that the first
 * free time is hours away: a test that takes a minute never sees its time pass the half hour and leave
 * the list (CI once did, at 11:00).
 */
public record TestDesk(String service, String office, long serviceId, long officeId) {

    public static TestDesk create(JdbcClient jdbc, int desks, boolean scarce) {
        String suffix = Long.toString(System.nanoTime(), 36);
        long office = jdbc.sql("""
                INSERT INTO appointment_office (code, name, address, desks) VALUES (:code, :name, 'Via Roma 1, Saronno', :desks)
                RETURNING id
                """).param("code", "ufficio-" + suffix).param("name", "Sportello " + suffix).param("desks", desks)
                .query(Long.class).single();
        for (int day = 1; day <= 7; day++) {
            jdbc.sql("INSERT INTO appointment_opening (office_id, weekday, opens, closes) VALUES (:o, :d, '08:00', '18:00')")
                    .param("o", office).param("d", day).update();
        }
        jdbc.sql("INSERT INTO appointment_exception (office_id, day, note) VALUES (:o, (now() AT TIME ZONE 'Europe/Rome')::date, 'test')")
                .param("o", office).update();
        long service = jdbc.sql("""
                INSERT INTO appointment_service (code, duration_minutes, min_notice_hours, max_days_ahead, max_active_per_person,
                                                 scarce, guide_slug, position)
                VALUES (:code, 30, 0, 14, 1, :scarce, 'ricongiungimento-familiare', 100) RETURNING id
                """).param("code", "servizio-" + suffix).param("scarce", scarce).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO appointment_service_text (service_id, language, name, description, bring) VALUES
                  (:s, 'it', :nameIt, 'Verifica dei requisiti', 'Passaporto' || chr(10) || 'Contratto di affitto'),
                  (:s, 'ar', :nameAr, 'التحقق من الشروط', 'جواز السفر' || chr(10) || 'عقد الإيجار')
                """).param("s", service).param("nameIt", "Ricongiungimento " + suffix).param("nameAr", "لم الشمل " + suffix)
                .update();
        jdbc.sql("INSERT INTO appointment_service_office (service_id, office_id) VALUES (:s, :o)").param("s", service)
                .param("o", office).update();
        return new TestDesk("servizio-" + suffix, "ufficio-" + suffix, service, office);
    }

    /** A desk with no free time in its window: every day closed (for the waiting list). */
    public static TestDesk full(JdbcClient jdbc) {
        TestDesk desk = create(jdbc, 1, false);
        jdbc.sql("""
                INSERT INTO appointment_exception (office_id, day, note)
                SELECT :o, d::date, 'full' FROM generate_series((now() AT TIME ZONE 'Europe/Rome')::date + 1,
                       (now() AT TIME ZONE 'Europe/Rome')::date + 15, interval '1 day') AS d
                """).param("o", desk.officeId()).update();
        return desk;
    }

    /** One time opens on the third day from today, 10:00-10:30, as when the office adds an opening. */
    public void openOneTime(JdbcClient jdbc) {
        jdbc.sql("""
                UPDATE appointment_exception SET opens = '10:00', closes = '10:30'
                WHERE office_id = :o AND day = (now() AT TIME ZONE 'Europe/Rome')::date + 3
                """).param("o", officeId).update();
    }

    public String slotsPath() {
        return "/appuntamenti/servizio/" + service + "/" + office;
    }
}
