using Microsoft.Playwright;

namespace TermSync.Browser.Tests.Hosting;

/// <summary>
/// Takes full-page screenshots for the documentation. They go to docs/images only when the environment variable
/// <see cref="UpdateVariable"/> is 1, so an ordinary test run checks that the screenshot works and leaves the docs alone.
/// </summary>
public static class Screenshots
{
    /// <summary>Set to 1 to write screenshots to docs/images in the repository.</summary>
    public const string UpdateVariable = "TERMSYNC_UPDATE_SCREENSHOTS";

    /// <summary>Takes a full-page PNG of <paramref name="page"/> and writes it to docs/images/<paramref name="fileName"/> when <see cref="UpdateVariable"/> is 1.</summary>
    public static async Task<byte[]> SaveAsync(IPage page, string fileName)
    {
        var update = Environment.GetEnvironmentVariable(UpdateVariable) == "1";
        var path = update
            ? Path.Combine(RepositoryRoot(), "docs", "images", fileName)
            : Path.Combine(Path.GetTempPath(), $"termsync-{Guid.NewGuid():N}-{fileName}");

        var image = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        if (!update)
        {
            File.Delete(path);
        }

        return image;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TermSync.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains TermSync.sln.");
    }
}
