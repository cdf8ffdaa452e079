namespace TermSync.Tests;

/// <summary>
/// Finds the folder of real UBL example files, which is not part of the repository: the folder named by the
/// environment variable <see cref="EnvironmentVariable"/>, else shared/datasets/ubl in the folder that
/// contains the repository (the folder above the one with TermSync.sln).
/// </summary>
internal static class UblDatasetDirectory
{
    public const string EnvironmentVariable = "TERMSYNC_UBL_DIR";

    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new DirectoryNotFoundException($"{EnvironmentVariable} is set to '{configured}', but no folder exists there. Set it to the folder of the UBL example files.");
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (!File.Exists(Path.Combine(directory.FullName, "TermSync.sln")))
            {
                continue;
            }

            var candidate = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "datasets", "ubl"));
            return Directory.Exists(candidate)
                ? candidate
                : throw new DirectoryNotFoundException($"The UBL example files are not at '{candidate}'. Set the environment variable {EnvironmentVariable} to their folder.");
        }

        throw new DirectoryNotFoundException(
            $"No TermSync.sln exists above '{AppContext.BaseDirectory}', so the UBL example files cannot be found. Set the environment variable {EnvironmentVariable} to their folder.");
    }
}
