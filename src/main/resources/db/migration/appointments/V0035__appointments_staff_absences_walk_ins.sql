-- Who gives a service, when they are away, and people served without an appointment.
-- A service may name the staff who can give it: each of its appointments then has one of them, and
-- one person is never booked twice for overlapping times, in any office (an exclusion constraint, as
-- for desks). A service that names nobody is given by whoever is at the desk.
ALTER TABLE appointment ADD COLUMN staff text;
ALTER TABLE appointment ADD CONSTRAINT appointment_staff_free EXCLUDE USING gist (staff WITH =, during WITH &&)
    WHERE (staff IS NOT NULL AND status IN ('HELD', 'UNCONFIRMED', 'BOOKED', 'ARRIVED'));
CREATE INDEX appointment_staff_time ON appointment USING gist (staff, during)
    WHERE staff IS NOT NULL AND status IN ('HELD', 'UNCONFIRMED', 'BOOKED', 'ARRIVED');
CREATE INDEX appointment_mediator_time ON appointment (mediator, lower(during)) WHERE mediator IS NOT NULL;

-- a walk-in: someone served at the desk without having booked, recorded on the same agenda
ALTER TABLE appointment ADD COLUMN walk_in boolean NOT NULL DEFAULT false;

CREATE TABLE appointment_service_staff (
    service_id bigint      NOT NULL REFERENCES appointment_service ON DELETE CASCADE,
    username   text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, username)
);

-- days a staff member is away (leave, training, illness): not booked, not assigned as mediator
CREATE TABLE appointment_absence (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username   text        NOT NULL,
    first_day  date        NOT NULL,
    last_day   date        NOT NULL CHECK (first_day <= last_day),
    note       text        NOT NULL DEFAULT '',
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointment_absence_days ON appointment_absence (username, last_day);
