using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using TermSync.Customers;
using TermSync.Grains.Conversations;
using TermSync.Grains.Ledger;
using TermSync.Grains.Metrics.Live;
using TermSync.Grains.Telemetry;
using TermSync.Invoices;
using TermSync.Money;
using TermSync.Vendors;
using TermSync.Webhooks;

namespace TermSync.Grains.Invoices;

/// <summary>
/// One invoice. Each command stores the invoice first and then applies the new snapshot to the customer and vendor
/// aggregates, removes the invoice from the customers it was moved away from and appends the invoice's entries to the
/// receivables ledger, all before returning. An unchanged repeat still resends all of it, so a retry after a failed
/// aggregate update, removal or ledger append repairs it.
/// </summary>
public sealed partial class InvoiceGrain(
    [PersistentState("invoice", StorageNames.Default)] IPersistentState<InvoiceState> state,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    TermSyncMetrics metrics,
    IReceivablesLedger ledger,
    ILogger<InvoiceGrain> logger) : Grain, IInvoiceGrain
{
    private InvoiceState Invoice => state.State;

    private string VendorId => InvoiceKey.Parse(this.GetPrimaryKeyString()).VendorId;

    private string InvoiceNumber => InvoiceKey.Parse(this.GetPrimaryKeyString()).InvoiceNumber;

    /// <summary>
    /// Republishes the stored invoice when it activates. A silo that died between storing a change and updating the
    /// aggregates left them one version behind. The aggregates ignore versions they already have, so otherwise this changes nothing.
    /// </summary>
    /// <remarks>NOTE: such an invoice stays out of the aggregates until something activates it again, such as the vendor's retry of the unacknowledged push.</remarks>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Invoice.Draft is not null)
        {
            await PublishAsync(ToSnapshot());
        }
    }

    public async Task<InvoiceCommandResult> IssueAsync(InvoiceDraft draft, int? expectedVersion = null)
    {
        var result = await IssueOrAmendAsync(draft, expectedVersion);
        metrics.RecordInvoiceIssue(result);
        return result;
    }

    private async Task<InvoiceCommandResult> IssueOrAmendAsync(InvoiceDraft draft, int? expectedVersion)
    {
        var invalid = InvoiceRules.ValidateDraft(draft);
        if (invalid is not null)
        {
            return Reject(invalid);
        }

        var previous = Invoice.Draft;
        if (previous is not null && expectedVersion is { } expected && expected != Invoice.Version)
        {
            return InvoiceCommandResult.PreconditionFailed(ToSnapshot(), expected);
        }

        if (previous == draft)
        {
            return await ResendAsync();
        }

        var conflict = previous is null ? null : InvoiceRules.CheckAmendment(Invoice, draft);
        if (conflict is not null)
        {
            return Reject(conflict);
        }

        // A state stored before revisions were kept gets its previous total as the base revision first.
        if (previous is not null && Invoice.Revisions.Count == 0)
        {
            Invoice.Revisions.Add(new AmountRevision(Invoice.Version, previous.Amount));
        }

        Invoice.Revisions.Add(new AmountRevision(Invoice.Version + 1, draft.Amount - (previous?.Amount ?? 0m)));
        Invoice.Draft = draft;
        if (previous is not null && previous.Customer.Id != draft.Customer.Id)
        {
            // The move is stored with the version that SaveAsync gives it, so that every later publish can remove the
            // invoice from the previous customer again.
            Invoice.FormerCustomers.RemoveAll(former => former.CustomerId == previous.Customer.Id || former.CustomerId == draft.Customer.Id);
            Invoice.FormerCustomers.Add(new FormerCustomer(previous.Customer.Id, Invoice.Version + 1));
        }

        var snapshot = await SaveAsync();
        await PublishAsync(snapshot);
        LogInvoiceIssued(VendorId, InvoiceNumber, draft.Customer.Id, snapshot.Version);
        return InvoiceCommandResult.Applied(snapshot, previous is null ? WriteOutcome.Created : WriteOutcome.Updated);
    }

    public async Task<InvoiceCommandResult> ApplyPaymentAsync(string paymentReference, decimal requestedAmount, DateOnly receivedOn)
    {
        if (Invoice.Draft is not { } draft)
        {
            return InvoiceCommandResult.NotFound();
        }

        var existing = Invoice.Payments.Find(payment => payment.PaymentReference == paymentReference);
        if (existing is not null)
        {
            return await ResendAsync(existing.ReversedOn is null ? existing.Amount : 0m);
        }

        if (requestedAmount <= 0 || !Currencies.FitsMinorUnits(draft.Currency, requestedAmount))
        {
            return Reject($"The payment amount {Format(requestedAmount)} must be positive with at most {Currencies.GetMinorUnitDigits(draft.Currency)} decimals for {draft.Currency}.");
        }

        if (Invoice.VoidedOn is not null)
        {
            return Reject($"Invoice '{InvoiceNumber}' is void and takes no payments.");
        }

        var applied = Math.Min(requestedAmount, Invoice.OpenAmount);
        if (applied == 0)
        {
            // Nothing is owed, so the whole payment becomes the caller's unapplied credit and the invoice is not changed.
            return InvoiceCommandResult.Unchanged(ToSnapshot());
        }

        Invoice.Payments.Add(new AppliedPayment(paymentReference, applied, receivedOn));
        var snapshot = await SaveAsync();
        await PublishAsync(snapshot);
        LogPaymentApplied(VendorId, InvoiceNumber, paymentReference, applied, snapshot.Version);
        return InvoiceCommandResult.Applied(snapshot, WriteOutcome.Updated, applied);
    }

    public async Task<InvoiceCommandResult> ReversePaymentAsync(string paymentReference, DateOnly reversedOn)
    {
        if (Invoice.Draft is null)
        {
            return InvoiceCommandResult.NotFound();
        }

        var index = Invoice.Payments.FindIndex(payment => payment.PaymentReference == paymentReference);
        if (index < 0 || Invoice.Payments[index].ReversedOn is not null)
        {
            return await ResendAsync();
        }

        Invoice.Payments[index] = Invoice.Payments[index] with { ReversedOn = reversedOn };
        var snapshot = await SaveAsync();
        await PublishAsync(snapshot);
        LogPaymentReversed(VendorId, InvoiceNumber, paymentReference);
        return InvoiceCommandResult.Applied(snapshot, WriteOutcome.Updated);
    }

    public async Task<InvoiceCommandResult> ApplyCreditAsync(string creditNoteNumber, decimal amount, DateOnly issueDate)
    {
        if (Invoice.Draft is not { } draft)
        {
            return InvoiceCommandResult.NotFound();
        }

        var existing = Invoice.Credits.Find(credit => credit.CreditNoteNumber == creditNoteNumber);
        if (existing is not null)
        {
            return existing.Amount == amount
                ? await ResendAsync()
                : Reject($"Credit note '{creditNoteNumber}' was already applied as {Format(existing.Amount)} {draft.Currency}.");
        }

        var creditable = Invoice.OpenAmount;
        if (amount <= 0 || !Currencies.FitsMinorUnits(draft.Currency, amount))
        {
            return Reject($"The credit amount {Format(amount)} must be positive with at most {Currencies.GetMinorUnitDigits(draft.Currency)} decimals for {draft.Currency}.");
        }

        if (amount > creditable)
        {
            return Reject($"The credit of {Format(amount)} {draft.Currency} exceeds the remaining creditable amount of {Format(creditable)} {draft.Currency} on invoice '{InvoiceNumber}'.");
        }

        Invoice.Credits.Add(new AppliedCredit(creditNoteNumber, amount, issueDate));
        var snapshot = await SaveAsync();
        await PublishAsync(snapshot);
        LogCreditApplied(VendorId, InvoiceNumber, creditNoteNumber, amount);
        return InvoiceCommandResult.Applied(snapshot, WriteOutcome.Updated, amount);
    }

    public async Task<InvoiceCommandResult> VoidAsync(DateOnly voidedOn)
    {
        if (Invoice.Draft is null)
        {
            return InvoiceCommandResult.NotFound();
        }

        if (Invoice.VoidedOn is not null)
        {
            return await ResendAsync();
        }

        if (Invoice.PaidAmount > 0 || Invoice.CreditedAmount > 0 || Invoice.WriteOff is not null)
        {
            return Reject($"Invoice '{InvoiceNumber}' has payments, credits or a write-off, so it cannot be voided; issue a credit note instead.");
        }

        Invoice.VoidedOn = voidedOn;
        var snapshot = await SaveAsync();
        await PublishAsync(snapshot);
        LogInvoiceVoided(VendorId, InvoiceNumber);
        return InvoiceCommandResult.Applied(snapshot, WriteOutcome.Updated);
    }

    public async Task<InvoiceCommandResult> WriteOffAsync(DateOnly writtenOffOn)
    {
        if (Invoice.Draft is null)
        {
            return InvoiceCommandResult.NotFound();
        }

        if (Invoice.WriteOff is not null)
        {
            return await ResendAsync();
        }

        var open = Invoice.OpenAmount;
        if (open <= 0)
        {
            return Reject($"Invoice '{InvoiceNumber}' has nothing open to write off.");
        }

        Invoice.WriteOff = new AppliedWriteOff(open, writtenOffOn);
        var snapshot = await SaveAsync();
        await PublishAsync(snapshot);
        LogInvoiceWrittenOff(VendorId, InvoiceNumber, open);
        return InvoiceCommandResult.Applied(snapshot, WriteOutcome.Updated);
    }

    public async Task<InvoiceCommandResult> OpenDisputeAsync(string conversationId, DateOnly openedOn, string reason, decimal? disputedAmount)
    {
        if (Invoice.Draft is null)
        {
            return InvoiceCommandResult.NotFound();
        }

        if (Invoice.DisputeOpen)
        {
            var open = Invoice.Disputes[^1];
            return open.ConversationId == conversationId
                ? await ResendAsync()
                : Reject($"Invoice '{InvoiceNumber}' is already disputed in conversation '{open.ConversationId}'; add to that conversation or wait until it is resolved.");
        }

        if (Invoice.OpenAmount <= 0)
        {
            return Reject($"Invoice '{InvoiceNumber}' has nothing open to dispute.");
        }

        Invoice.Disputes.Add(new DisputeRecord(openedOn, reason, Message: null, ResolvedOn: null, conversationId, disputedAmount, Invoice.CreditedAmount));
        var snapshot = await SaveAsync();
        await PublishAsync(snapshot);
        LogDisputeOpened(VendorId, InvoiceNumber, conversationId, reason);
        return InvoiceCommandResult.Applied(snapshot, WriteOutcome.Updated);
    }

    public async Task<InvoiceCommandResult> ResolveDisputeAsync(string conversationId, DateOnly resolvedOn)
    {
        if (Invoice.Draft is null)
        {
            return InvoiceCommandResult.NotFound();
        }

        var disputes = Invoice.Disputes;
        if (!Invoice.DisputeOpen || disputes[^1].ConversationId != conversationId)
        {
            return await ResendAsync();
        }

        // A resolution dated before the opening keeps the opening date, so the dispute never lasts a negative time.
        var resolved = resolvedOn < disputes[^1].OpenedOn ? disputes[^1].OpenedOn : resolvedOn;
        disputes[^1] = disputes[^1] with { ResolvedOn = resolved };
        var snapshot = await SaveAsync();
        await PublishAsync(snapshot);
        LogDisputeResolved(VendorId, InvoiceNumber, conversationId);
        return InvoiceCommandResult.Applied(snapshot, WriteOutcome.Updated);
    }

    public async Task<InvoiceCommandResult> MoveToCustomerAsync(string accountNumber, CustomerReference customer)
    {
        if (Invoice.Draft is not { } draft)
        {
            return InvoiceCommandResult.NotFound();
        }

        // An amendment may have put the invoice on another account, whose customer it stays with.
        if (draft.Customer == customer || draft.AccountNumber != accountNumber)
        {
            return await ResendAsync();
        }

        return await IssueAsync(draft with { Customer = customer });
    }

    public async Task<InvoiceCommandResult> RecordPaymentNoticeAsync(string customerId, PaymentNotice notice)
    {
        if (Invoice.Draft is not { } draft || draft.Customer.Id != customerId)
        {
            return InvoiceCommandResult.NotFound();
        }

        if (notice.SameAs(Invoice.PaymentNotice))
        {
            var repeated = await ResendAsync();
            await PublishPaymentNoticeAsync(repeated.Invoice!);
            return repeated;
        }

        if (Invoice.OpenAmount <= 0)
        {
            return Reject($"Invoice '{InvoiceNumber}' has nothing open, so it takes no payment notice.");
        }

        var now = time.GetUtcNow();
        var clock = await VendorClock.LoadAsync(GrainFactory, VendorId);
        if (notice.Check(clock.LocalDate(now), draft.IssueDate) is { } problem)
        {
            LogCommandRejected(VendorId, InvoiceNumber, problem.Error);
            return InvoiceCommandResult.Invalid(ToSnapshot(), problem.Field, problem.Error);
        }

        Invoice.PaymentNotice = notice with { RecordedAt = now };
        Invoice.PaymentNoticeEventId = Guid.CreateVersion7(now).ToString("N");
        var snapshot = await SaveAsync();
        await PublishAsync(snapshot);
        await PublishPaymentNoticeAsync(snapshot);
        LogPaymentNoticeRecorded(VendorId, InvoiceNumber, customerId, notice.Kind, notice.Date);
        return InvoiceCommandResult.Applied(snapshot, WriteOutcome.Updated);
    }

    /// <summary>Sends the stored notice to the vendor's webhooks, which start one delivery per endpoint and event id.</summary>
    private Task PublishPaymentNoticeAsync(InvoiceSnapshot snapshot)
    {
        var notice = Invoice.PaymentNotice!;
        var noticeEvent = new PaymentNoticeEvent(Invoice.PaymentNoticeEventId!, notice.RecordedAt, snapshot);
        return GrainFactory.GetGrainCached<IVendorWebhooksGrain>(VendorId).PublishPaymentNoticeAsync(noticeEvent);
    }

    public Task<InvoiceSnapshot?> GetAsync() => Task.FromResult(Invoice.Draft is null ? null : ToSnapshot());

    private async Task<InvoiceSnapshot> SaveAsync()
    {
        Invoice.Version++;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // A failed write leaves the change in memory only; the next activation reloads the stored state.
            DeactivateOnIdle();
            throw;
        }

        return ToSnapshot();
    }

    private async Task<InvoiceCommandResult> ResendAsync(decimal appliedAmount = 0m)
    {
        var snapshot = ToSnapshot();
        await PublishAsync(snapshot);
        return InvoiceCommandResult.Unchanged(snapshot, appliedAmount);
    }

    /// <summary>
    /// Applies the snapshot to the customer and vendor aggregates, removes the invoice from the customers it was moved
    /// away from, appends every ledger entry of the stored state and records the history they make in the vendor's live
    /// receivables. The ledger skips the entries it has, and a former customer ignores a removal it has, so resending
    /// all of them fills any gap a failed call left.
    /// </summary>
    private Task SendSnapshotAsync(InvoiceSnapshot snapshot)
    {
        var entries = InvoiceLedgerEntries.From(VendorId, InvoiceNumber, Invoice);
        var history = LedgerHistories.FromEntries(entries).Single();
        var removals = Invoice.FormerCustomers.Select(former =>
            GrainFactory.GetGrainCached<ICustomerGrain>(former.CustomerId).RemoveInvoiceAsync(VendorId, InvoiceNumber, former.MovedAtVersion));
        return Task.WhenAll([
            GrainFactory.GetGrainCached<ICustomerGrain>(snapshot.Customer.Id).ApplyInvoiceAsync(snapshot),
            GrainFactory.GetGrainCached<IVendorLedgerGrain>(IVendorLedgerGrain.KeyOf(snapshot.VendorId, snapshot.InvoiceNumber)).ApplyInvoiceAsync(snapshot),
            GrainFactory.GetGrainCached<IVendorReceivablesGrain>(VendorId).RecordInvoiceAsync(history, Invoice.Version),
            ledger.AppendAsync(entries),
            .. removals]);
    }

    private InvoiceSnapshot ToSnapshot()
    {
        var draft = Invoice.Draft!;
        return new InvoiceSnapshot(
            VendorId,
            InvoiceNumber,
            draft.Customer,
            draft.Currency,
            draft.Amount,
            Invoice.PaidAmount,
            draft.IssueDate,
            draft.DueDate,
            Invoice.DisputeOpen,
            Invoice.Version,
            draft.AccountNumber,
            Invoice.CreditedAmount,
            Invoice.WrittenOffAmount,
            Invoice.VoidedOn is not null,
            draft.Terms,
            Invoice.DisputedAmount,
            Invoice.DisputeOpen ? Invoice.Disputes[^1].ConversationId : null,
            Invoice.PaymentNotice);
    }

    private InvoiceCommandResult Reject(string error)
    {
        LogCommandRejected(VendorId, InvoiceNumber, error);
        return InvoiceCommandResult.Conflict(Invoice.Draft is null ? null : ToSnapshot(), error);
    }

    private static string Format(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Invoice {VendorId}/{InvoiceNumber} issued to customer {CustomerId}, version {Version}")]
    private partial void LogInvoiceIssued(string vendorId, string invoiceNumber, string customerId, int version);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Payment {PaymentReference} applied {Amount} to invoice {VendorId}/{InvoiceNumber}, version {Version}")]
    private partial void LogPaymentApplied(string vendorId, string invoiceNumber, string paymentReference, decimal amount, int version);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Dispute opened on invoice {VendorId}/{InvoiceNumber} by conversation {ConversationId}, reason {Reason}")]
    private partial void LogDisputeOpened(string vendorId, string invoiceNumber, string conversationId, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Dispute of conversation {ConversationId} resolved on invoice {VendorId}/{InvoiceNumber}")]
    private partial void LogDisputeResolved(string vendorId, string invoiceNumber, string conversationId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Command on invoice {VendorId}/{InvoiceNumber} rejected: {Reason}")]
    private partial void LogCommandRejected(string vendorId, string invoiceNumber, string reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Payment {PaymentReference} on invoice {VendorId}/{InvoiceNumber} reversed")]
    private partial void LogPaymentReversed(string vendorId, string invoiceNumber, string paymentReference);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Credit note {CreditNoteNumber} credited {Amount} on invoice {VendorId}/{InvoiceNumber}")]
    private partial void LogCreditApplied(string vendorId, string invoiceNumber, string creditNoteNumber, decimal amount);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Invoice {VendorId}/{InvoiceNumber} voided")]
    private partial void LogInvoiceVoided(string vendorId, string invoiceNumber);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Invoice {VendorId}/{InvoiceNumber} written off: {Amount}")]
    private partial void LogInvoiceWrittenOff(string vendorId, string invoiceNumber, decimal amount);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Customer {CustomerId} sent a payment notice on invoice {VendorId}/{InvoiceNumber}: {Kind} on {Date}")]
    private partial void LogPaymentNoticeRecorded(string vendorId, string invoiceNumber, string customerId, PaymentNoticeKind kind, DateOnly date);
}
