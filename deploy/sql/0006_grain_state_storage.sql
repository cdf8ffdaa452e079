-- Storage settings of orleans_grain_state for states rewritten often. A customer's state and a vendor ledger
-- shard's state grow to kilobytes and tens of kilobytes and are rewritten whole on each change.
--
-- lz4 compresses the payloads that PostgreSQL moves to TOAST (those over about 2 kB) at a fraction of the CPU cost
-- of the default pglz. It needs a PostgreSQL built with lz4, as Debian's packages are.
-- A fill factor of 80 leaves room in each page, so an update can place the new row version in the same page
-- (a HOT update) and leave the unique key's index untouched. A payload stored in TOAST still writes new TOAST
-- rows and their index. Both settings apply to rows written from then on.

ALTER TABLE orleans_grain_state ALTER COLUMN payload_binary SET COMPRESSION lz4;
ALTER TABLE orleans_grain_state SET (fillfactor = 80);
