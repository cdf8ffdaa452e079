using PdfSharp.Fonts;

namespace TermSync.Api.Portal.Exports;

/// <summary>
/// PDFsharp font resolver that serves DejaVu Sans from the TrueType files of Debian's fonts-dejavu-core package.
/// PDFsharp finds no fonts on Linux by itself. Every family name resolves to DejaVu Sans, regular or bold, so no
/// PDF drawn in this process fails for a missing family; italic is simulated.
/// </summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    /// <summary>The family name that the fonts of statement PDFs request.</summary>
    public const string FamilyName = "DejaVu Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly DejaVuFontResolver Instance = new();
    private static readonly Lock RegistrationLock = new();

    // PublicationOnly does not cache a failed load, so installing the fonts fixes a running process.
    private readonly Lazy<byte[]> regular = new(() => LoadFace(RegularFace), LazyThreadSafetyMode.PublicationOnly);
    private readonly Lazy<byte[]> bold = new(() => LoadFace(BoldFace), LazyThreadSafetyMode.PublicationOnly);

    private DejaVuFontResolver()
    {
    }

    /// <summary>
    /// Sets this resolver as PDFsharp's process-wide font resolver unless it is set already. PDFsharp accepts a
    /// resolver only before its first font operation, and afterwards only the same instance again.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another font resolver is set in this process.</exception>
    public static void Register()
    {
        lock (RegistrationLock)
        {
            var current = GlobalFontSettings.FontResolver;
            if (ReferenceEquals(current, Instance))
            {
                return;
            }

            if (current is not null)
            {
                throw new InvalidOperationException(
                    $"PDFsharp already uses the font resolver {current.GetType().FullName}, so statement PDFs cannot use DejaVu Sans. " +
                    $"Set {typeof(DejaVuFontResolver).FullName} once in this process instead, or make the other resolver serve '{FamilyName}'.");
            }

            GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: isItalic);

    public byte[] GetFont(string faceName) => faceName switch
    {
        RegularFace => regular.Value,
        BoldFace => bold.Value,
        _ => throw new ArgumentException($"Font face '{faceName}' is not served by this resolver, which serves only {RegularFace} and {BoldFace}.", nameof(faceName)),
    };

    /// <summary>Reads DejaVuSans.ttf or DejaVuSans-Bold.ttf from the first font folder that contains it.</summary>
    /// <exception cref="FileNotFoundException">No font folder contains the file.</exception>
    private static byte[] LoadFace(string faceName)
    {
        var fileName = faceName + ".ttf";
        var folders = FontFolders().Where(Directory.Exists).ToList();
        foreach (var folder in folders)
        {
            var path = Directory.EnumerateFiles(folder, fileName, SearchOption.AllDirectories).FirstOrDefault();
            if (path is not null)
            {
                return File.ReadAllBytes(path);
            }
        }

        throw new FileNotFoundException(
            $"The font file {fileName} was not found in {string.Join(", ", FontFolders())}. " +
            "Install the DejaVu fonts (on Debian: apt-get install fonts-dejavu-core) and render the PDF again.",
            fileName);
    }

    private static IEnumerable<string> FontFolders()
    {
        yield return "/usr/share/fonts";
        yield return "/usr/local/share/fonts";
        var systemFonts = Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
        if (systemFonts.Length > 0)
        {
            yield return systemFonts;
        }
    }
}
