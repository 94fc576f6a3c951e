-- Renewal reminders (/promemoria): an address, the permit's expiry day and a language, nothing else.
-- Reminders go out only once the address is confirmed (double opt-in); the row is deleted when the
-- resident unsubscribes, six months after the expiry, or a week after an unconfirmed sign-up.
-- last_reminder holds the stage sent last (90, 60, 30 days before), so each goes out once.
CREATE TABLE practices_renewal_reminder (
    id             bigserial PRIMARY KEY,
    token          text NOT NULL UNIQUE,
    email          text NOT NULL CHECK (length(email) <= 254),
    language       text NOT NULL,
    expires_on     date NOT NULL,
    confirmed_at   timestamptz,
    last_reminder  integer CHECK (last_reminder IN (90, 60, 30)),
    reminded_at    timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX practices_renewal_reminder_email ON practices_renewal_reminder (lower(email));
CREATE INDEX practices_renewal_reminder_due ON practices_renewal_reminder (expires_on) WHERE confirmed_at IS NOT NULL;
