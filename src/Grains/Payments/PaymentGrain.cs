using Microsoft.Extensions.Logging;
using TermSync.Accounts;
using TermSync.Invoices;
using TermSync.Payments;

namespace TermSync.Grains.Payments;

/// <summary>
/// One payment. It stores the remittance before touching any invoice, then applies each allocation under the
/// payment reference, which invoices apply once, so a retry after a crash finishes the work without paying twice.
/// </summary>
public sealed partial class PaymentGrain(
    [PersistentState("payment", StorageNames.Default)] IPersistentState<PaymentState> state,
    ILogger<PaymentGrain> logger) : Grain, IPaymentGrain
{
    private PaymentState Payment => state.State;

    private string VendorId => VendorScopedKey.Parse(this.GetPrimaryKeyString()).VendorId;

    private string Reference => VendorScopedKey.Parse(this.GetPrimaryKeyString()).LocalId;

    public async Task<PaymentResult> RecordAsync(Remittance remittance)
    {
        if (Payment.Remittance is { } recorded && !recorded.SameAs(remittance))
        {
            return Reject($"Payment reference '{Reference}' was already recorded with other values; use a new reference for another payment.");
        }

        if (Payment.Completed)
        {
            return new PaymentResult(PaymentCommandStatus.Unchanged, ToView(), null);
        }

        var invalid = await ValidateAsync(remittance);
        if (invalid is not null)
        {
            return invalid;
        }

        if (Payment.Remittance is null)
        {
            Payment.Remittance = remittance;
            await state.WriteStateAsync();
        }

        var applications = new List<PaymentAllocation>();
        foreach (var allocation in remittance.Allocations)
        {
            var result = await Invoice(allocation.InvoiceNumber).ApplyPaymentAsync(Reference, allocation.Amount, remittance.ReceivedOn);
            if (!result.Succeeded)
            {
                // Invoices were checked before anything was stored, so this is a change that raced with the payment.
                LogApplicationFailed(VendorId, Reference, allocation.InvoiceNumber, result.Error ?? result.Status.ToString());
                return Reject($"Applying the payment to invoice '{allocation.InvoiceNumber}' failed: {result.Error}");
            }

            applications.Add(allocation with { Amount = result.AppliedAmount });
        }

        var unapplied = remittance.Amount - applications.Sum(application => application.Amount);
        if (unapplied > 0)
        {
            await Account(remittance.AccountNumber).AddUnappliedCreditAsync(Reference, remittance.Currency, unapplied);
        }

        Payment.Applications = applications;
        Payment.UnappliedAmount = unapplied;
        Payment.Completed = true;
        await state.WriteStateAsync();

        LogPaymentRecorded(VendorId, Reference, applications.Count, unapplied);
        return new PaymentResult(PaymentCommandStatus.Applied, ToView(), null);
    }

    public async Task<PaymentResult> ReverseAsync(DateOnly reversedOn)
    {
        if (Payment.Remittance is not { } remittance)
        {
            return new PaymentResult(PaymentCommandStatus.NotFound, null, $"No payment '{Reference}' was recorded.");
        }

        if (Payment.ReversedOn is not null)
        {
            return new PaymentResult(PaymentCommandStatus.Unchanged, ToView(), null);
        }

        foreach (var allocation in remittance.Allocations)
        {
            await Invoice(allocation.InvoiceNumber).ReversePaymentAsync(Reference, reversedOn);
        }

        await Account(remittance.AccountNumber).RemoveUnappliedCreditAsync(Reference);
        Payment.ReversedOn = reversedOn;
        await state.WriteStateAsync();

        LogPaymentReversed(VendorId, Reference);
        return new PaymentResult(PaymentCommandStatus.Applied, ToView(), null);
    }

    public Task<PaymentView?> GetAsync() => Task.FromResult(Payment.Remittance is null ? null : ToView());

    /// <summary>Checks that every allocated invoice exists and belongs to the payment's account and currency.</summary>
    private async Task<PaymentResult?> ValidateAsync(Remittance remittance)
    {
        var allocated = remittance.Allocations.Sum(allocation => allocation.Amount);
        if (allocated > remittance.Amount)
        {
            return Reject($"The allocations add up to {allocated}, more than the payment amount of {remittance.Amount} {remittance.Currency}.");
        }

        foreach (var allocation in remittance.Allocations)
        {
            var invoice = await Invoice(allocation.InvoiceNumber).GetAsync();
            if (invoice is null)
            {
                return new PaymentResult(PaymentCommandStatus.NotFound, null, $"Invoice '{allocation.InvoiceNumber}' was never issued; push it before paying it.");
            }

            if (invoice.AccountNumber != remittance.AccountNumber || invoice.Currency != remittance.Currency)
            {
                return Reject($"Invoice '{allocation.InvoiceNumber}' is billed to account '{invoice.AccountNumber}' in {invoice.Currency}, not to '{remittance.AccountNumber}' in {remittance.Currency}.");
            }
        }

        return null;
    }

    private IInvoiceGrain Invoice(string invoiceNumber) => GrainFactory.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(VendorId, invoiceNumber));

    private ICustomerAccountGrain Account(string accountNumber) => GrainFactory.GetGrainCached<ICustomerAccountGrain>(VendorScopedKey.Format(VendorId, accountNumber));

    private PaymentView ToView() => new(VendorId, Reference, Payment.Remittance!, Payment.Applications, Payment.UnappliedAmount, Payment.ReversedOn);

    private PaymentResult Reject(string error)
    {
        LogPaymentRejected(VendorId, Reference, error);
        return new PaymentResult(PaymentCommandStatus.Conflict, Payment.Remittance is null ? null : ToView(), error);
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Payment {PaymentReference} of vendor {VendorId} applied to {InvoiceCount} invoices, {UnappliedAmount} unapplied")]
    private partial void LogPaymentRecorded(string vendorId, string paymentReference, int invoiceCount, decimal unappliedAmount);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Payment {PaymentReference} of vendor {VendorId} reversed")]
    private partial void LogPaymentReversed(string vendorId, string paymentReference);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Payment {PaymentReference} of vendor {VendorId} rejected: {Reason}")]
    private partial void LogPaymentRejected(string vendorId, string paymentReference, string reason);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Payment {PaymentReference} of vendor {VendorId} could not be applied to invoice {InvoiceNumber}: {Reason}")]
    private partial void LogApplicationFailed(string vendorId, string paymentReference, string invoiceNumber, string reason);
}
