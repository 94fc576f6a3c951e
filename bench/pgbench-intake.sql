-- What PostgreSQL alone does for one submission at the same durability: one row, one transaction.
INSERT INTO bench_intake (email, body) VALUES ('pgbench@example.org', 'Il mio permesso di soggiorno scade tra due mesi: quando devo chiedere il rinnovo?');
