using System.Xml.Linq;

namespace TermSync.Ingest.Ubl;

/// <summary>
/// UBL 2.1 namespaces, and lookup of elements by a path of prefixed names such as
/// "cac:LegalMonetaryTotal/cbc:PayableAmount", the same path that error messages show.
/// </summary>
internal static class UblPath
{
    public static readonly XNamespace Invoice = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    public static readonly XNamespace CreditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    public static readonly XNamespace Aggregate = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    public static readonly XNamespace Basic = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    /// <summary>Returns every element at <paramref name="path"/> below <paramref name="parent"/>, in document order.</summary>
    public static IEnumerable<XElement> Elements(XElement parent, string path)
    {
        IEnumerable<XElement> current = [parent];
        foreach (var segment in path.Split('/'))
        {
            current = current.Elements(Name(segment));
        }

        return current;
    }

    /// <summary>Returns the first element at <paramref name="path"/> below <paramref name="parent"/>, or null.</summary>
    public static XElement? Element(XElement parent, string path) => Elements(parent, path).FirstOrDefault();

    /// <summary>Joins two paths with '/'.</summary>
    public static string Combine(string path, string child) => $"{path}/{child}";

    private static XName Name(string segment) => segment[..4] switch
    {
        "cac:" => Aggregate + segment[4..],
        "cbc:" => Basic + segment[4..],
        _ => throw new ArgumentException($"The path segment '{segment}' has no cac: or cbc: prefix.", nameof(segment)),
    };
}
