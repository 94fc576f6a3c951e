-- Why a message was not delivered, when it will not be tried again: the receiving server said the
-- address does not exist (a 5xx answer to RCPT, or a delivery report that came back), refused the
-- message itself (a 5xx answer to DATA), or every attempt failed.
ALTER TABLE mail_outbox ADD COLUMN failure text CHECK (failure IN ('no-such-address', 'refused', 'gave-up'));
-- Written by a person (an operator's answer): no Auto-Submitted header and a footer that invites a reply.
ALTER TABLE mail_outbox ADD COLUMN written_by_person boolean NOT NULL DEFAULT false;
