using TermSync.Customers;
using TermSync.Digests;
using TermSync.Invoices;
using TermSync.Surveys;
using TermSync.Vendors;

namespace TermSync.Grains.Digests;

/// <summary>
/// Builds a digest's content from the customer grain's statement. Each invoice command that succeeds updates the
/// statement before it returns, so a paid, credited, voided or moved invoice is already gone from it and a partly paid
/// one shows what is still open. An invoice whose customer promised or reported a payment neither appears nor triggers
/// an extra digest while <see cref="PaymentNotice.ExcludesFromDigest"/> is true.
/// </summary>
/// <remarks>
/// NOTE: a command that stored the invoice and then failed to update the customer grain leaves the statement one
/// version behind. The caller's retry repairs it, and so does the invoice grain's republish reminder about a minute
/// later. After a silo crash between the two writes, only a retry or the invoice's next activation repairs it. A digest
/// built in between shows the invoice as it was before the command, such as open after a payment.
/// </remarks>
internal sealed class DigestComposer(IGrainFactory grains)
{
    public async Task<DigestContent> ComposeAsync(
        CustomerStatement statement,
        string digestId,
        string key,
        string timeZone,
        DateOnly asOf,
        DigestReason reason)
    {
        var policies = await RemindBeforeDueAsync(statement);
        var lines = statement.Vendors
            .SelectMany(vendor => vendor.Invoices
                .Where(invoice => invoice.PaymentNotice?.ExcludesFromDigest(asOf) != true)
                .SelectMany(invoice => ToLines(vendor.VendorId, invoice, asOf)))
            .Where(line => line.UnderReview || line.DaysPastDue > 0 || policies.GetValueOrDefault(line.VendorId, true))
            .ToList();
        var names = statement.Vendors.ToDictionary(vendor => vendor.VendorId, vendor => vendor.VendorName, StringComparer.Ordinal);

        return new DigestContent(
            digestId,
            key,
            statement.CustomerId,
            statement.Name,
            statement.Email,
            statement.Language ?? "en",
            timeZone,
            asOf,
            reason,
            Sections(lines.Where(line => !line.UnderReview), names),
            Sections(lines.Where(line => line.UnderReview), names),
            Totals(lines));
    }

    /// <summary>
    /// Returns the trigger that is due on <paramref name="today"/>: an invoice whose due-soon or past-due date
    /// falls after <paramref name="baseline"/> (the last contact or enrollment) and on or before today.
    /// </summary>
    public async Task<DigestReason?> FindTriggerAsync(CustomerStatement statement, DigestPreferences preferences, DateOnly baseline, DateOnly today)
    {
        var policies = await RemindBeforeDueAsync(statement);
        var pastDue = false;
        var dueSoon = false;
        foreach (var vendor in statement.Vendors)
        {
            foreach (var line in vendor.Invoices.Where(line => line.OwedAmount > 0 && line.PaymentNotice?.ExcludesFromDigest(today) != true))
            {
                var pastDueDate = line.DueDate.AddDays(1);
                pastDue |= preferences.PastDueReminder && baseline < pastDueDate && pastDueDate <= today;

                if (preferences.DueSoonDays is { } days && policies.GetValueOrDefault(vendor.VendorId, true))
                {
                    var dueSoonDate = line.DueDate.AddDays(-days);
                    dueSoon |= baseline < dueSoonDate && dueSoonDate <= today && today <= line.DueDate;
                }
            }
        }

        if (pastDue)
        {
            return DigestReason.PastDue;
        }

        return dueSoon ? DigestReason.DueSoon : null;
    }

    /// <summary>
    /// Asks the customer's survey grain for the survey to show, which stores a new offer when one is due. Call it only
    /// for a digest that is about to be sent, because an offer starts the customer's 90 days without another.
    /// </summary>
    public async Task<DigestSurvey?> OfferSurveyAsync(string customerId, DateTimeOffset now) =>
        await DescribeAsync(await grains.GetGrainCached<ICustomerSurveyGrain>(customerId).OfferAsync(now));

    /// <summary>Returns the survey the customer was offered and has not answered yet, without offering a new one.</summary>
    public async Task<DigestSurvey?> PendingSurveyAsync(string customerId) =>
        await DescribeAsync((await grains.GetGrainCached<ICustomerSurveyGrain>(customerId).GetAsync()).Pending);

    private async Task<DigestSurvey?> DescribeAsync(SurveyOffer? offer)
    {
        if (offer is null)
        {
            return null;
        }

        var profile = await grains.GetGrainCached<IVendorGrain>(offer.VendorId).GetProfileAsync();
        return new DigestSurvey(offer.SurveyId, offer.VendorId, profile?.Name ?? offer.VendorId);
    }

    private async Task<Dictionary<string, bool>> RemindBeforeDueAsync(CustomerStatement statement)
    {
        var profiles = await Task.WhenAll(statement.Vendors.Select(vendor => grains.GetGrainCached<IVendorGrain>(vendor.VendorId).GetProfileAsync()));
        return statement.Vendors
            .Zip(profiles, (vendor, profile) => (vendor.VendorId, profile?.RemindBeforeDue ?? true))
            .ToDictionary(pair => pair.VendorId, pair => pair.Item2, StringComparer.Ordinal);
    }

    /// <summary>
    /// Returns the invoice's owed part as a line to pay and its disputed part as a line under review. An invoice
    /// disputed in part gives both.
    /// </summary>
    private static IEnumerable<DigestLine> ToLines(string vendorId, StatementLine invoice, DateOnly asOf)
    {
        var daysPastDue = Math.Max(0, asOf.DayNumber - invoice.DueDate.DayNumber);
        if (invoice.OwedAmount > 0)
        {
            yield return new DigestLine(vendorId, invoice.InvoiceNumber, invoice.Currency, invoice.OwedAmount, invoice.IssueDate, invoice.DueDate, daysPastDue, UnderReview: false);
        }

        if (invoice.DisputedAmount > 0)
        {
            yield return new DigestLine(vendorId, invoice.InvoiceNumber, invoice.Currency, invoice.DisputedAmount, invoice.IssueDate, invoice.DueDate, daysPastDue, UnderReview: true);
        }
    }

    private static List<DigestVendorSection> Sections(IEnumerable<DigestLine> lines, IReadOnlyDictionary<string, string> names) =>
        lines
            .GroupBy(line => line.VendorId, StringComparer.Ordinal)
            .Select(group => (Name: names.GetValueOrDefault(group.Key, group.Key), Lines: group
                .OrderBy(line => line.DueDate)
                .ThenBy(line => line.InvoiceNumber, StringComparer.Ordinal)
                .ToList()))
            .OrderBy(section => section.Name, StringComparer.OrdinalIgnoreCase)
            .Select(section => new DigestVendorSection(
                section.Lines[0].VendorId,
                section.Name,
                section.Lines,
                section.Lines
                    .GroupBy(line => line.Currency, StringComparer.Ordinal)
                    .OrderBy(group => group.Key, StringComparer.Ordinal)
                    .Select(group => new DigestAmount(group.Key, group.Sum(line => line.OpenAmount)))
                    .ToList()))
            .ToList();

    private static List<DigestCurrencyTotal> Totals(IEnumerable<DigestLine> lines) =>
        lines
            .GroupBy(line => line.Currency, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new DigestCurrencyTotal(
                group.Key,
                group.Where(line => !line.UnderReview).Sum(line => line.OpenAmount),
                group.Where(line => !line.UnderReview && line.DaysPastDue > 0).Sum(line => line.OpenAmount),
                group.Where(line => line.UnderReview).Sum(line => line.OpenAmount)))
            .ToList();
}
