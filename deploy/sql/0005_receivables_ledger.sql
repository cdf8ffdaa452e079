-- The receivables ledger: every dated change to every invoice, from which receivables metrics are
-- computed with SQL for any past date. Rows are only ever inserted. A correction is a new row, such
-- as an amount adjustment or a payment reversal, and the application never updates or deletes one.
--
-- Each row carries the invoice's header (customer, currency, issue and due date) as it was when the
-- row was written, so an invoice's newest row (highest entry_id) gives its current header.
-- entry_key is the entry's natural key within the invoice: "issued", "amended-v3", "payment:REF",
-- "reversal:REF", "credit:CN-1", "write-off", "void" or "queried:CONVERSATION". The unique key on
-- (vendor_id, invoice_number, entry_key) makes every append idempotent: writers insert with
-- ON CONFLICT DO NOTHING, so a retried command adds nothing.
--
-- business_date is the calendar date the entry takes effect on, in the vendor's reporting time
-- zone. amount is in the invoice's currency. It is the issued total for "issued" and the change of
-- the total for "amount-adjusted", which may be zero or negative. It is the applied, reversed or
-- credited amount for "payment", "payment-reversal" and "credit", the remainder for "write-off",
-- and zero for "void" and "queried". recorded_at is when the row was inserted, so a back-dated
-- payment has a recent recorded_at and an earlier business_date.

CREATE TABLE receivables_ledger (
    entry_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vendor_id      text NOT NULL,
    invoice_number text NOT NULL,
    customer_id    text NOT NULL,
    currency       text NOT NULL,
    issue_date     date NOT NULL,
    due_date       date NOT NULL,
    entry_kind     text NOT NULL,
    entry_key      text NOT NULL,
    business_date  date NOT NULL,
    amount         numeric NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT receivables_ledger_entry_unique UNIQUE (vendor_id, invoice_number, entry_key),
    CONSTRAINT receivables_ledger_entry_kind_known CHECK (entry_kind IN
        ('issued', 'amount-adjusted', 'payment', 'payment-reversal', 'credit', 'write-off', 'void', 'queried')),
    CONSTRAINT receivables_ledger_amount_sign CHECK (
        entry_kind = 'amount-adjusted'
        OR (entry_kind IN ('void', 'queried') AND amount = 0)
        OR (entry_kind IN ('issued', 'payment', 'payment-reversal', 'credit') AND amount > 0)
        OR (entry_kind = 'write-off' AND amount >= 0))
);

CREATE INDEX receivables_ledger_vendor_business_date ON receivables_ledger (vendor_id, business_date);
CREATE INDEX receivables_ledger_vendor_invoice ON receivables_ledger (vendor_id, invoice_number);
