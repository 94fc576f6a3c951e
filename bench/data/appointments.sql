-- Appointments for bench/appointments: five offices with eight desks each, open on weekdays 8:00-18:00,
-- one 30-minute service given at all of them, and :count future bookings spread at random over the desks
-- and times of the next 90 days (each desk and time at most once, as the exclusion constraint wants).
-- Plus the race: an office with one desk and exactly 100 ten-minute times on the next two days.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO appointment_office (code, name, address, desks)
SELECT 'bench-' || n, 'Sportello bench ' || n, 'Via Bench ' || n || ', Saronno', 8 FROM generate_series(1, 5) AS n;
INSERT INTO appointment_opening (office_id, weekday, opens, closes)
SELECT o.id, d, '08:00', '18:00' FROM appointment_office o, generate_series(1, 5) AS d WHERE o.code LIKE 'bench-%';
INSERT INTO appointment_service (code, duration_minutes, min_notice_hours, max_days_ahead, max_active_per_person, position)
VALUES ('bench-slots', 30, 0, 90, 10, 900);
INSERT INTO appointment_service_text (service_id, language, name)
SELECT id, 'it', 'Orientamento (bench)' FROM appointment_service WHERE code = 'bench-slots';
INSERT INTO appointment_service_office (service_id, office_id)
SELECT s.id, o.id FROM appointment_service s, appointment_office o WHERE s.code = 'bench-slots' AND o.code LIKE 'bench-%';

INSERT INTO appointment (code, access_token, service_id, office_id, desk, during, status, email, language, booked_at)
SELECT 'B-' || lpad(row_number() OVER ()::text, 6, '0'), md5(random()::text || clock_timestamp()::text),
       (SELECT id FROM appointment_service WHERE code = 'bench-slots'), c.office_id, c.desk,
       tstzrange(c.starts, c.starts + interval '30 minutes', '[)'), 'BOOKED',
       'bench' || (random() * 1000000)::int || '@example.org', 'it', now()
FROM (
    SELECT o.id AS office_id, desk, (day + time '08:00' + slot * interval '30 minutes') AT TIME ZONE 'Europe/Rome' AS starts
    FROM appointment_office o,
         generate_series(current_date + 1, current_date + 90, interval '1 day') AS day,
         generate_series(0, 19) AS slot,
         generate_series(1, 8) AS desk
    WHERE o.code LIKE 'bench-%' AND extract(isodow FROM day) <= 5
    ORDER BY random()
    LIMIT :count
) AS c;

INSERT INTO appointment_office (code, name, address, desks) VALUES ('race', 'Sportello gara', 'Via Gara 1, Saronno', 1);
-- no weekly hours: two days opened on purpose, 8:00-16:20, fifty ten-minute times each
INSERT INTO appointment_exception (office_id, day, opens, closes, note)
SELECT id, current_date + d, '08:00', '16:20', 'bench' FROM appointment_office, generate_series(1, 2) AS d WHERE code = 'race';
INSERT INTO appointment_service (code, duration_minutes, min_notice_hours, max_days_ahead, max_active_per_person, position)
VALUES ('race', 10, 0, 3, 1, 901);
INSERT INTO appointment_service_text (service_id, language, name) SELECT id, 'it', 'Gara (bench)' FROM appointment_service WHERE code = 'race';
INSERT INTO appointment_service_office (service_id, office_id)
SELECT s.id, o.id FROM appointment_service s, appointment_office o WHERE s.code = 'race' AND o.code = 'race';
COMMIT;
ANALYZE appointment;
