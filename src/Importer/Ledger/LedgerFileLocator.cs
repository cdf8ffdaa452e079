namespace TermSync.Importer.Ledger;

/// <summary>
/// Finds the IBM late-payment ledger CSV for tests and local runs. The file is not part of the repository:
/// it is read from the environment variable <see cref="EnvironmentVariable"/> when set, and otherwise from
/// shared/datasets in the folder that contains the repository (the folder above the one with TermSync.sln).
/// </summary>
public static class LedgerFileLocator
{
    /// <summary>Environment variable that overrides the location of the ledger CSV.</summary>
    public const string EnvironmentVariable = "TERMSYNC_LEDGER_CSV";

    /// <summary>File name of the ledger CSV.</summary>
    public const string FileName = "ibm-late-payment-histories.csv";

    private const string SolutionFileName = "TermSync.sln";

    /// <summary>
    /// Returns the full path of the ledger CSV. The search for TermSync.sln walks up from
    /// <paramref name="startDirectory"/>, which defaults to <see cref="AppContext.BaseDirectory"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file is not at the resolved location. The message explains how to set <see cref="EnvironmentVariable"/>.</exception>
    public static string Locate(string? startDirectory = null)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new FileNotFoundException(
                    $"{EnvironmentVariable} is set to '{configured}', but no file exists there. Set {EnvironmentVariable} to the path of {FileName}.",
                    configured);
        }

        var repositoryRoot = FindRepositoryRoot(startDirectory ?? AppContext.BaseDirectory);
        if (repositoryRoot is null)
        {
            throw new FileNotFoundException(
                $"The ledger CSV was not found because no {SolutionFileName} exists above '{startDirectory ?? AppContext.BaseDirectory}'. " +
                $"Set the environment variable {EnvironmentVariable} to the path of {FileName}.");
        }

        var candidate = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "datasets", FileName));
        return File.Exists(candidate)
            ? candidate
            : throw new FileNotFoundException(
                $"The ledger CSV was not found at '{candidate}'. Set the environment variable {EnvironmentVariable} to the path of {FileName}.",
                candidate);
    }

    private static string? FindRepositoryRoot(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
