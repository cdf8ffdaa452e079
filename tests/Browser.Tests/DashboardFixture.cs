using TermSync.Browser.Tests.Hosting;

namespace TermSync.Browser.Tests;

/// <summary>The API and Chromium of the dashboard tests, with nothing seeded; each test registers its own vendors.</summary>
public sealed class DashboardFixture : BrowserApiFixture;
