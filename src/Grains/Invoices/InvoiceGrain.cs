using System.Globalization;
using Microsoft.Extensions.Logging;
using TermSync.Customers;
using TermSync.Invoices;
using TermSync.Money;

namespace TermSync.Grains.Invoices;

/// <summary>
/// One invoice. Each command stores the invoice first and then applies the new snapshot to the customer
/// grain, both before returning. An unchanged repeat still resends the snapshot, so a retry after a failed
/// customer update repairs the aggregate.
/// </summary>
public sealed partial class InvoiceGrain(
    [PersistentState("invoice", StorageNames.Default)] IPersistentState<InvoiceState> state,
    ILogger<InvoiceGrain> logger) : Grain, IInvoiceGrain
{
    private string VendorId => InvoiceKey.Parse(this.GetPrimaryKeyString()).VendorId;

    private string InvoiceNumber => InvoiceKey.Parse(this.GetPrimaryKeyString()).InvoiceNumber;

    public async Task<InvoiceCommandResult> IssueAsync(InvoiceDraft draft)
    {
        var invalid = ValidateDraft(draft);
        if (invalid is not null)
        {
            return Reject(invalid);
        }

        var previous = state.State.Draft;
        if (previous == draft)
        {
            return await ResendAsync();
        }

        var paid = state.State.PaidAmount;
        if (previous is not null && draft.Amount < paid)
        {
            return Reject($"The amount {Format(draft.Amount)} is below the {Format(paid)} already paid; send an amount of at least {Format(paid)}.");
        }

        if (previous is not null && previous.Currency != draft.Currency && paid > 0)
        {
            return Reject($"The currency cannot change from {previous.Currency} to {draft.Currency} after a payment was applied.");
        }

        state.State.Draft = draft;
        var snapshot = await SaveAsync();
        if (previous is not null && previous.Customer.Id != draft.Customer.Id)
        {
            await GrainFactory.GetGrain<ICustomerGrain>(previous.Customer.Id).RemoveInvoiceAsync(VendorId, InvoiceNumber, snapshot.Version);
        }

        await PublishAsync(snapshot);
        LogInvoiceIssued(VendorId, InvoiceNumber, draft.Customer.Id, snapshot.Version);
        return InvoiceCommandResult.Applied(snapshot, previous is null ? WriteOutcome.Created : WriteOutcome.Updated);
    }

    public async Task<InvoiceCommandResult> RecordPaymentAsync(PaymentRecord payment)
    {
        var draft = state.State.Draft;
        if (draft is null)
        {
            return InvoiceCommandResult.NotFound();
        }

        var existing = state.State.Payments.Find(recorded => recorded.PaymentId == payment.PaymentId);
        if (existing is not null)
        {
            return existing == payment
                ? await ResendAsync()
                : Reject($"Payment '{payment.PaymentId}' was already recorded as {Format(existing.Amount)} on {existing.PaidOn:yyyy-MM-dd}; use a new payment id for another payment.");
        }

        if (payment.Amount <= 0 || !Currencies.FitsMinorUnits(draft.Currency, payment.Amount))
        {
            return Reject($"The payment amount {Format(payment.Amount)} must be positive with at most {Currencies.GetMinorUnitDigits(draft.Currency)} decimals for {draft.Currency}.");
        }

        var open = draft.Amount - state.State.PaidAmount;
        if (payment.Amount > open)
        {
            return Reject($"The payment of {Format(payment.Amount)} exceeds the open amount of {Format(open)} {draft.Currency}.");
        }

        state.State.Payments.Add(payment);
        var snapshot = await SaveAsync();
        await PublishAsync(snapshot);
        LogPaymentRecorded(VendorId, InvoiceNumber, payment.PaymentId, snapshot.Version);
        return InvoiceCommandResult.Applied(snapshot, WriteOutcome.Updated);
    }

    public async Task<InvoiceCommandResult> OpenDisputeAsync(DateOnly openedOn, string reason, string? message)
    {
        if (state.State.Draft is null)
        {
            return InvoiceCommandResult.NotFound();
        }

        if (state.State.DisputeOpen)
        {
            return await ResendAsync();
        }

        state.State.Disputes.Add(new DisputeRecord(openedOn, reason, message, ResolvedOn: null));
        var snapshot = await SaveAsync();
        await PublishAsync(snapshot);
        LogDisputeOpened(VendorId, InvoiceNumber, reason);
        return InvoiceCommandResult.Applied(snapshot, WriteOutcome.Updated);
    }

    public async Task<InvoiceCommandResult> ResolveDisputeAsync(DateOnly resolvedOn)
    {
        if (state.State.Draft is null)
        {
            return InvoiceCommandResult.NotFound();
        }

        if (!state.State.DisputeOpen)
        {
            return await ResendAsync();
        }

        var disputes = state.State.Disputes;
        if (resolvedOn < disputes[^1].OpenedOn)
        {
            return Reject($"The resolution date {resolvedOn:yyyy-MM-dd} is before the dispute was opened on {disputes[^1].OpenedOn:yyyy-MM-dd}.");
        }

        disputes[^1] = disputes[^1] with { ResolvedOn = resolvedOn };
        var snapshot = await SaveAsync();
        await PublishAsync(snapshot);
        LogDisputeResolved(VendorId, InvoiceNumber);
        return InvoiceCommandResult.Applied(snapshot, WriteOutcome.Updated);
    }

    public Task<InvoiceSnapshot?> GetAsync() =>
        Task.FromResult(state.State.Draft is null ? null : ToSnapshot(state.State.Draft));

    private static string? ValidateDraft(InvoiceDraft draft)
    {
        if (!Currencies.IsKnown(draft.Currency))
        {
            return $"Unknown currency code '{draft.Currency}'.";
        }

        if (draft.Amount <= 0 || !Currencies.FitsMinorUnits(draft.Currency, draft.Amount))
        {
            return $"The amount {Format(draft.Amount)} must be positive with at most {Currencies.GetMinorUnitDigits(draft.Currency)} decimals for {draft.Currency}.";
        }

        return draft.DueDate < draft.IssueDate
            ? $"The due date {draft.DueDate:yyyy-MM-dd} is before the issue date {draft.IssueDate:yyyy-MM-dd}."
            : null;
    }

    private async Task<InvoiceSnapshot> SaveAsync()
    {
        state.State.Version++;
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

        return ToSnapshot(state.State.Draft!);
    }

    private async Task<InvoiceCommandResult> ResendAsync()
    {
        var snapshot = ToSnapshot(state.State.Draft!);
        await PublishAsync(snapshot);
        return InvoiceCommandResult.Unchanged(snapshot);
    }

    private Task PublishAsync(InvoiceSnapshot snapshot) =>
        GrainFactory.GetGrain<ICustomerGrain>(snapshot.Customer.Id).ApplyInvoiceAsync(snapshot);

    private InvoiceSnapshot ToSnapshot(InvoiceDraft draft) => new(
        VendorId,
        InvoiceNumber,
        draft.Customer,
        draft.Currency,
        draft.Amount,
        state.State.PaidAmount,
        draft.IssueDate,
        draft.DueDate,
        state.State.DisputeOpen,
        state.State.Version);

    private InvoiceCommandResult Reject(string error)
    {
        LogCommandRejected(VendorId, InvoiceNumber, error);
        var draft = state.State.Draft;
        return InvoiceCommandResult.Conflict(draft is null ? null : ToSnapshot(draft), error);
    }

    private static string Format(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Invoice {VendorId}/{InvoiceNumber} issued to customer {CustomerId}, version {Version}")]
    private partial void LogInvoiceIssued(string vendorId, string invoiceNumber, string customerId, int version);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Payment {PaymentId} recorded on invoice {VendorId}/{InvoiceNumber}, version {Version}")]
    private partial void LogPaymentRecorded(string vendorId, string invoiceNumber, string paymentId, int version);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Dispute opened on invoice {VendorId}/{InvoiceNumber}, reason {Reason}")]
    private partial void LogDisputeOpened(string vendorId, string invoiceNumber, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Dispute resolved on invoice {VendorId}/{InvoiceNumber}")]
    private partial void LogDisputeResolved(string vendorId, string invoiceNumber);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Command on invoice {VendorId}/{InvoiceNumber} rejected: {Reason}")]
    private partial void LogCommandRejected(string vendorId, string invoiceNumber, string reason);
}
