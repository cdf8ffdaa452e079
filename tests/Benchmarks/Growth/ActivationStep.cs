namespace TermSync.Benchmarks.Growth;

/// <summary>One measured step: a number of invoices issued between two memory readings.</summary>
/// <param name="Name">"first invoice" when each invoice is the first of a new customer, "second invoice" when its customer is active already.</param>
/// <param name="Size">Invoices issued in the step, one per customer.</param>
public sealed record ActivationStep(int Round, int Size, string Name, SiloMemory Before, SiloMemory After, IssueResult Issue)
{
    public const string FirstInvoice = "first invoice";
    public const string SecondInvoice = "second invoice";

    /// <summary>Growth of the managed heap per invoice issued.</summary>
    public double ManagedBytesPerInvoice => (After.ManagedHeapBytes - Before.ManagedHeapBytes) / (double)Size;

    /// <summary>Growth of the working set per invoice issued.</summary>
    public double WorkingSetBytesPerInvoice => (After.WorkingSetBytes - Before.WorkingSetBytes) / (double)Size;

    /// <summary>Activations added per invoice issued.</summary>
    public double ActivationsPerInvoice => (After.Activations - Before.Activations) / (double)Size;
}
