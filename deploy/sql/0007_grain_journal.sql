-- Journals of grains that store their state as a snapshot in orleans_grain_state plus the changes made since.
-- A change is one row here instead of a rewrite of the whole state. A grain numbers its entries from 1 without gaps.
-- Its snapshot names the last entry it contains. The entries after that number are replayed when the grain
-- activates. The entries up to it are deleted once the snapshot is stored.
--
-- grain_id is the Orleans grain id as text, such as "customer/C-100". The primary key makes a second activation of
-- the same grain fail when it appends a number the first one appended, so two activations cannot both extend one
-- journal. payload is the entry in the Orleans binary serializer's format.

CREATE TABLE grain_journal (
    service_id text NOT NULL,
    grain_id   text NOT NULL,
    sequence   bigint NOT NULL,
    payload    bytea NOT NULL,
    CONSTRAINT grain_journal_pkey PRIMARY KEY (service_id, grain_id, sequence)
);
