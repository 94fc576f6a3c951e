-- Desk appointments: offices with their hours, the services booked at them, and the appointments.
-- Two bookings of one desk (or one mediator) at overlapping times are impossible: exclusion
-- constraints on time ranges, which hold whichever node writes.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE appointment_office (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       text        NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,40}$'),
    name       text        NOT NULL,
    address    text        NOT NULL,
    -- how many people the office can receive at the same time (desks with someone at them)
    desks      int         NOT NULL DEFAULT 1 CHECK (desks BETWEEN 1 AND 50),
    active     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- weekly hours: ISO weekday 1 = Monday
CREATE TABLE appointment_opening (
    office_id  bigint      NOT NULL REFERENCES appointment_office ON DELETE CASCADE,
    weekday    smallint    NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens      time        NOT NULL,
    closes     time        NOT NULL CHECK (opens < closes),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (office_id, weekday, opens)
);

-- one day unlike the week: closed, or other hours (reduced, or an extra opening on a closed day)
CREATE TABLE appointment_exception (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    office_id  bigint      NOT NULL REFERENCES appointment_office ON DELETE CASCADE,
    day        date        NOT NULL,
    opens      time,
    closes     time,
    note       text        NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((opens IS NULL AND closes IS NULL) OR (opens IS NOT NULL AND closes IS NOT NULL AND opens < closes))
);
CREATE INDEX appointment_exception_day ON appointment_exception (office_id, day);

CREATE TABLE appointment_service (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                  text        NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,60}$'),
    duration_minutes      int         NOT NULL CHECK (duration_minutes BETWEEN 5 AND 240),
    min_notice_hours      int         NOT NULL DEFAULT 2 CHECK (min_notice_hours >= 0),
    max_days_ahead        int         NOT NULL DEFAULT 60 CHECK (max_days_ahead BETWEEN 1 AND 366),
    max_active_per_person int         NOT NULL DEFAULT 1 CHECK (max_active_per_person BETWEEN 1 AND 10),
    -- scarce: the booking counts only once the resident confirms it from the e-mail
    scarce                boolean     NOT NULL DEFAULT false,
    guide_slug            text,
    position              int         NOT NULL DEFAULT 0,
    active                boolean     NOT NULL DEFAULT true,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);

-- name, description and what to bring (one item per line) in each content language
CREATE TABLE appointment_service_text (
    service_id  bigint      NOT NULL REFERENCES appointment_service ON DELETE CASCADE,
    language    text        NOT NULL,
    name        text        NOT NULL,
    description text        NOT NULL DEFAULT '',
    bring       text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, language)
);

CREATE TABLE appointment_service_office (
    service_id bigint NOT NULL REFERENCES appointment_service ON DELETE CASCADE,
    office_id  bigint NOT NULL REFERENCES appointment_office ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, office_id)
);

CREATE SEQUENCE appointment_number;

CREATE TABLE appointment (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- A-2026-000123 once booked; a hold has none yet
    code            text UNIQUE,
    access_token    text        NOT NULL UNIQUE,
    service_id      bigint      NOT NULL REFERENCES appointment_service,
    office_id       bigint      NOT NULL REFERENCES appointment_office,
    desk            int         NOT NULL CHECK (desk >= 1),
    during          tstzrange   NOT NULL CHECK (NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)),
    -- HELD while the resident fills in the details (until hold_until), UNCONFIRMED for a scarce service until
    -- the resident confirms by e-mail, BOOKED, ARRIVED on check-in; then DONE, NO_SHOW, CANCELLED or EXPIRED
    status          text        NOT NULL CHECK (status IN ('HELD', 'UNCONFIRMED', 'BOOKED', 'ARRIVED', 'DONE', 'NO_SHOW',
                                                           'CANCELLED', 'EXPIRED')),
    hold_until      timestamptz,
    email           text,
    phone           text,
    reason          text,
    language        text        NOT NULL DEFAULT 'it',
    needs_mediator  boolean     NOT NULL DEFAULT false,
    mediator        text,
    booked_by       text,
    client          text,
    cancelled_by    text,
    booked_at       timestamptz,
    cancelled_at    timestamptz,
    reminded_at     timestamptz,
    anonymised_at   timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    -- the guarantee: a desk of an office is never given twice for overlapping times. An expired hold still
    -- counts until it is marked EXPIRED, which every hold does first for the times it wants.
    CONSTRAINT appointment_desk_free EXCLUDE USING gist (office_id WITH =, desk WITH =, during WITH &&)
        WHERE (status IN ('HELD', 'UNCONFIRMED', 'BOOKED', 'ARRIVED')),
    CONSTRAINT appointment_mediator_free EXCLUDE USING gist (mediator WITH =, during WITH &&)
        WHERE (mediator IS NOT NULL AND status IN ('UNCONFIRMED', 'BOOKED', 'ARRIVED'))
);
CREATE INDEX appointment_office_time ON appointment USING gist (office_id, during)
    WHERE status IN ('HELD', 'UNCONFIRMED', 'BOOKED', 'ARRIVED');
CREATE INDEX appointment_email ON appointment (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX appointment_held ON appointment (hold_until) WHERE status IN ('HELD', 'UNCONFIRMED');
CREATE INDEX appointment_day ON appointment (office_id, lower(during));
