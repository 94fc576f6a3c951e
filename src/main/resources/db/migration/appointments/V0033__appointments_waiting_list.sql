-- The waiting list of a service at an office: when no time fits, a resident joins it for a range of days;
-- a freed or newly opened time is offered to the first in line (by id: strict first come), held for them
-- for some hours, and passes to the next if they decline or do not answer.
CREATE TABLE appointment_waiting (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    access_token   text        NOT NULL UNIQUE,
    service_id     bigint      NOT NULL REFERENCES appointment_service,
    office_id      bigint      NOT NULL REFERENCES appointment_office,
    from_day       date        NOT NULL,
    to_day         date        NOT NULL CHECK (from_day <= to_day),
    email          text,
    language       text        NOT NULL DEFAULT 'it',
    needs_mediator boolean     NOT NULL DEFAULT false,
    -- WAITING in line, OFFERED while a time is held for them, then BOOKED, LEFT (they left) or ENDED (the
    -- range of days passed)
    status         text        NOT NULL CHECK (status IN ('WAITING', 'OFFERED', 'BOOKED', 'LEFT', 'ENDED')),
    client         text,
    anonymised_at  timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointment_waiting_line ON appointment_waiting (service_id, office_id, id)
    WHERE status IN ('WAITING', 'OFFERED');
CREATE INDEX appointment_waiting_email ON appointment_waiting (lower(email)) WHERE email IS NOT NULL;

-- Every time offered to someone in line: a time is offered to a person once, so that one who declined or
-- let it pass is not offered the same again, and the next in line is.
CREATE TABLE appointment_offer (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    waiting_id     bigint      NOT NULL REFERENCES appointment_waiting ON DELETE CASCADE,
    appointment_id bigint      NOT NULL REFERENCES appointment,
    starts         timestamptz NOT NULL,
    offered_until  timestamptz NOT NULL,
    outcome        text        NOT NULL DEFAULT 'OPEN' CHECK (outcome IN ('OPEN', 'ACCEPTED', 'DECLINED', 'EXPIRED')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (waiting_id, starts)
);
CREATE UNIQUE INDEX appointment_offer_open ON appointment_offer (waiting_id) WHERE outcome = 'OPEN';
CREATE INDEX appointment_offer_until ON appointment_offer (offered_until) WHERE outcome = 'OPEN';
