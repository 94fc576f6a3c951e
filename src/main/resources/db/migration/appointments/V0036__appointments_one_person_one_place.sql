-- One person is in one place at a time: nobody gives an appointment while mediating another that overlaps
-- it, or the other way round. The exclusion constraints cover one column each (desk, staff, mediator);
-- this trigger covers the pair of columns, across every node: it takes a transaction lock per person,
-- so two transactions that want the same person queue, and the second sees what the first committed.
-- Its refusal has the exclusion constraints' code (23P01), so the application handles it as theirs:
-- the time or the mediator was just taken, try the next.
CREATE FUNCTION appointment_person_free() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    gives     boolean := NEW.staff IS NOT NULL AND NEW.status IN ('HELD', 'UNCONFIRMED', 'BOOKED', 'ARRIVED');
    mediates  boolean := NEW.mediator IS NOT NULL AND NEW.status IN ('UNCONFIRMED', 'BOOKED', 'ARRIVED');
    person    text;
BEGIN
    -- always in the same order, so two transactions locking the same two people cannot deadlock
    FOR person IN SELECT DISTINCT p FROM unnest(ARRAY[CASE WHEN gives THEN NEW.staff END,
                                                      CASE WHEN mediates THEN NEW.mediator END]) AS p
                  WHERE p IS NOT NULL ORDER BY p LOOP
        PERFORM pg_advisory_xact_lock(hashtext('appointment_person_free'), hashtext(person));
    END LOOP;
    IF gives AND EXISTS (SELECT 1 FROM appointment
                         WHERE mediator = NEW.staff AND id <> NEW.id AND during && NEW.during
                           AND status IN ('UNCONFIRMED', 'BOOKED', 'ARRIVED')) THEN
        RAISE EXCLUSION_VIOLATION USING CONSTRAINT = 'appointment_person_free',
            MESSAGE = 'appointment_person_free: ' || NEW.staff || ' mediates another appointment then';
    END IF;
    IF mediates AND EXISTS (SELECT 1 FROM appointment
                            WHERE staff = NEW.mediator AND id <> NEW.id AND during && NEW.during
                              AND status IN ('HELD', 'UNCONFIRMED', 'BOOKED', 'ARRIVED')) THEN
        RAISE EXCLUSION_VIOLATION USING CONSTRAINT = 'appointment_person_free',
            MESSAGE = 'appointment_person_free: ' || NEW.mediator || ' gives another appointment then';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER appointment_person_free BEFORE INSERT OR UPDATE OF staff, mediator, during, status ON appointment
    FOR EACH ROW WHEN (NEW.staff IS NOT NULL OR NEW.mediator IS NOT NULL)
    EXECUTE FUNCTION appointment_person_free();
