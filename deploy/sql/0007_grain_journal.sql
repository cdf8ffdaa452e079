-- Journals of grains that store their state as a snapshot in orleans_grain_state plus the changes made since.
-- A change is one row here instead of a rewrite of the whole state. A grain numbers its entries from 1 without gaps.
-- Its snapshot names the last entry it contains. The entries after that number are replayed when the grain
-- activates. Once the snapshot is stored, the entries before that number are deleted, and the entry at it stays as
-- the end of the journal.
--
-- grain_id is the Orleans grain id as text, such as "customer/C-100". An append is stored only when the grain's
-- entry just before its first number exists, or when the grain has no entries yet, and the primary key rejects a
-- number that is taken. So a second activation of a grain, which has not read the other one's entries, cannot
-- append. payload is the entry in the Orleans binary serializer's format.

CREATE TABLE grain_journal (
    service_id text NOT NULL,
    grain_id   text NOT NULL,
    sequence   bigint NOT NULL,
    payload    bytea NOT NULL,
    CONSTRAINT grain_journal_pkey PRIMARY KEY (service_id, grain_id, sequence)
);
