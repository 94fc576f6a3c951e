-- The figures the practices' rules use (the yearly assegno sociale, the Comune's housing thresholds), as
-- data: each with the period it is valid for and its source, shown to staff, corrected by supervisors.
-- A figure is in force on a day when the day falls in its period; of two, the one that starts later wins,
-- so a new figure needs no end date on the old one. "verified" is false for a figure nobody in the office
-- has checked against its source yet.
CREATE TABLE practices_rule_figure (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL CHECK (name ~ '^[a-z][a-z0-9.-]{1,60}$'),
    valid_from  date NOT NULL,
    valid_to    date CHECK (valid_to IS NULL OR valid_to >= valid_from),
    amount      numeric(14, 4) NOT NULL CHECK (amount > 0),
    source      text NOT NULL CHECK (length(source) BETWEEN 3 AND 500),
    verified    boolean NOT NULL DEFAULT false,
    changed_by  text NOT NULL DEFAULT 'system',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (name, valid_from)
);

INSERT INTO practices_rule_figure (name, valid_from, valid_to, amount, source) VALUES
    ('social-allowance', '2024-01-01', '2024-12-31', 6947.33, 'INPS, importo annuo dell''assegno sociale 2024: € 534,41 × 13 mensilità'),
    ('social-allowance', '2025-01-01', '2025-12-31', 7002.97, 'INPS, importo annuo dell''assegno sociale 2025: € 538,69 × 13 mensilità'),
    ('social-allowance', '2026-01-01', '2026-12-31', 7101.12, 'INPS, importo annuo dell''assegno sociale 2026: € 546,24 × 13 mensilità'),
    ('housing.per-person', '1975-07-05', NULL, 14, 'D.M. Sanità 5 luglio 1975, art. 2: 14 m² per abitante per i primi 4'),
    ('housing.per-further-person', '1975-07-05', NULL, 10, 'D.M. Sanità 5 luglio 1975, art. 2: 10 m² per ciascuno dei successivi'),
    ('housing.single-bedroom', '1975-07-05', NULL, 9, 'D.M. Sanità 5 luglio 1975, art. 2: stanza da letto per una persona'),
    ('housing.double-bedroom', '1975-07-05', NULL, 14, 'D.M. Sanità 5 luglio 1975, art. 2: stanza da letto per due persone'),
    ('housing.living-room', '1975-07-05', NULL, 14, 'D.M. Sanità 5 luglio 1975, art. 2: stanza di soggiorno'),
    ('housing.studio-one', '1975-07-05', NULL, 28, 'D.M. Sanità 5 luglio 1975, art. 3: alloggio monostanza per una persona'),
    ('housing.studio-two', '1975-07-05', NULL, 38, 'D.M. Sanità 5 luglio 1975, art. 3: alloggio monostanza per due persone'),
    ('housing.height', '1975-07-05', NULL, 2.70, 'D.M. Sanità 5 luglio 1975, art. 1: altezza minima interna dei locali abitabili');
