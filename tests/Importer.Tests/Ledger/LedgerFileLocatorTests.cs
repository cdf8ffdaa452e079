using TermSync.Importer.Ledger;

namespace TermSync.Importer.Tests.Ledger;

public sealed class LedgerFileLocatorTests
{
    [Fact]
    public void Locator_finds_ledger_beside_repository()
    {
        var path = LedgerFileLocator.Locate();

        Assert.True(File.Exists(path));
        Assert.Equal(LedgerFileLocator.FileName, Path.GetFileName(path));
    }

    [Fact]
    public void Locator_names_variable_when_file_is_missing()
    {
        if (Environment.GetEnvironmentVariable(LedgerFileLocator.EnvironmentVariable) is { Length: > 0 })
        {
            Assert.Skip($"{LedgerFileLocator.EnvironmentVariable} is set, so the search beside the repository is not used.");
        }

        var root = Directory.CreateTempSubdirectory("termsync-locator-");
        try
        {
            var repository = root.CreateSubdirectory("repo");
            File.WriteAllText(Path.Combine(repository.FullName, "TermSync.sln"), "");
            var start = repository.CreateSubdirectory("tests").FullName;

            var exception = Assert.Throws<FileNotFoundException>(() => LedgerFileLocator.Locate(start));

            Assert.Contains(Path.Combine(root.FullName, "shared", "datasets", LedgerFileLocator.FileName), exception.Message, StringComparison.Ordinal);
            Assert.Contains($"Set the environment variable {LedgerFileLocator.EnvironmentVariable}", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
