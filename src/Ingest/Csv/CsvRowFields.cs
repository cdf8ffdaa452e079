using System.Net.Mail;
using TermSync.Money;

namespace TermSync.Ingest.Csv;

/// <summary>
/// Typed access to the fields of one CSV row. Each method adds a <see cref="CsvRowError"/> for a missing or
/// invalid value and returns null; an empty field counts as missing. Fields are trimmed of surrounding white space.
/// </summary>
internal sealed class CsvRowFields(int rowNumber, string[] record, Dictionary<string, int> columns, List<CsvRowError> errors)
{
    private const int MaxNameLength = 200;
    private const int MaxReferenceLength = 100;

    private readonly int errorCount = errors.Count;

    public int RowNumber => rowNumber;

    /// <summary>Whether any method added an error for this row.</summary>
    public bool HasErrors => errors.Count > errorCount;

    public void Reject(string? column, string? value, string reason) => errors.Add(new CsvRowError(rowNumber, column, value, reason));

    /// <summary>Returns the trimmed field, or null when the column is absent or the field empty.</summary>
    public string? Optional(string column)
    {
        if (!columns.TryGetValue(column, out var index))
        {
            return null;
        }

        var value = record[index].Trim();
        return value.Length == 0 ? null : value;
    }

    public string? Required(string column)
    {
        var value = Optional(column);
        if (value is null)
        {
            Reject(column, null, $"The {column} is missing; fill in the field.");
        }

        return value;
    }

    /// <summary>Reads a document number: 1 to 100 characters without control characters.</summary>
    public string? Number(string column, bool required = true)
    {
        var value = required ? Required(column) : Optional(column);
        if (value is not null && !Identifiers.IsInvoiceNumber(value))
        {
            Reject(column, value, $"The {column} '{value}' is not valid; use 1 to {Identifiers.MaxInvoiceNumberLength} characters without control characters.");
            return null;
        }

        return value;
    }

    public string? Reference(string column)
    {
        var value = Required(column);
        if (value is not null && value.Length > MaxReferenceLength)
        {
            Reject(column, value, $"The {column} is {value.Length} characters long; use at most {MaxReferenceLength}.");
            return null;
        }

        return value;
    }

    public string? Name(string column)
    {
        var value = Required(column);
        if (value is not null && value.Length > MaxNameLength)
        {
            Reject(column, value, $"The {column} is {value.Length} characters long; use at most {MaxNameLength}.");
            return null;
        }

        return value;
    }

    public string? CustomerAccount(string column)
    {
        var value = Required(column);
        if (value is not null && !Identifiers.IsCustomerId(value))
        {
            Reject(column, value, $"The {column} '{value}' is not a valid customer account; use 1 to 64 letters, digits, '.', '_' and '-', starting with a letter or digit.");
            return null;
        }

        return value;
    }

    public string? Email(string column)
    {
        var value = Optional(column);
        if (value is not null && !(MailAddress.TryCreate(value, out var address) && address.Address == value))
        {
            Reject(column, value, $"The {column} '{value}' is not an email address; write the accounts-payable mailbox, such as ap@example.com, or leave the field empty.");
            return null;
        }

        return value;
    }

    public string? Currency(string column)
    {
        var value = Required(column);
        if (value is not null && !Currencies.IsKnown(value))
        {
            Reject(column, value, $"'{value}' is not a currency TermSync supports; use an upper-case ISO 4217 code such as USD, EUR or JPY.");
            return null;
        }

        return value;
    }

    /// <summary>
    /// Reads a positive amount. With a null <paramref name="currency"/> (a field already rejected) only the
    /// number is checked, and null is returned.
    /// </summary>
    public decimal? Amount(string column, string? currency)
    {
        var value = Required(column);
        if (value is null)
        {
            return null;
        }

        if (!AmountText.TryParse(value, currency, out var amount, out var reason))
        {
            Reject(column, value, $"The {column} '{value}' {reason}.");
            return null;
        }

        if (amount <= 0m)
        {
            Reject(column, value, $"The {column} '{value}' must be greater than zero.");
            return null;
        }

        return currency is null ? null : amount;
    }

    public DateOnly? Date(string column, bool required = true)
    {
        var value = required ? Required(column) : Optional(column);
        if (value is null)
        {
            return null;
        }

        if (!CalendarDateText.TryParse(value, out var date))
        {
            Reject(column, value, $"The {column} '{value}' {CalendarDateText.InvalidReason}.");
            return null;
        }

        return date;
    }
}
