namespace TermSync.Silo.Tests.Processes;

/// <summary>Starts the TermSync API and the standalone silo as child processes and waits until they serve.</summary>
internal static class TermSyncProcesses
{
    /// <summary>
    /// How long a process may take to become ready: an estimate with a wide margin, because a silo or the API
    /// took 2 to 13 s on a 2-core machine while other builds and tests ran.
    /// </summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(40);

    /// <summary>
    /// Starts <c>dotnet TermSync.Api.dll --urls ADDRESS</c> and waits until it serves its OpenAPI document.
    /// The host starts the HTTP server after its other hosted services, so the API listens only once its
    /// co-hosted silo has joined the cluster or its Orleans client has connected to a gateway.
    /// </summary>
    public static async Task<ProcessHost> StartApiAsync(
        string name,
        IReadOnlyDictionary<string, string> environment,
        Uri address,
        CancellationToken cancellationToken)
    {
        var api = ProcessHost.Start(name, "TermSync.Api.dll", environment, "--urls", address.ToString().TrimEnd('/'));
        try
        {
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
            await Poll.UntilAsync(
                async token =>
                {
                    ThrowIfExited(api);
                    return await ServesOpenApiAsync(http, token);
                },
                StartTimeout,
                () => $"{name} did not serve /swagger/v1/swagger.json on {address}. {api.Describe()}",
                cancellationToken);
            return api;
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    /// <summary>Starts <c>dotnet TermSync.Silo.dll</c> and waits until its row in the membership table is Active.</summary>
    public static async Task<ProcessHost> StartSiloAsync(
        string name,
        IReadOnlyDictionary<string, string> environment,
        MembershipTable membership,
        int siloPort,
        CancellationToken cancellationToken)
    {
        var silo = ProcessHost.Start(name, "TermSync.Silo.dll", environment);
        try
        {
            await Poll.UntilAsync(
                async token =>
                {
                    ThrowIfExited(silo);
                    return await membership.GetStatusAsync(siloPort, token) == MembershipTable.ActiveStatus;
                },
                StartTimeout,
                async () => $"{name} did not become Active on silo port {siloPort}. {await membership.DescribeAsync(CancellationToken.None)}{Environment.NewLine}{silo.Describe()}",
                cancellationToken);
            return silo;
        }
        catch
        {
            silo.Dispose();
            throw;
        }
    }

    /// <summary>Throws when the process has exited, so a process that crashed at start fails the wait at once.</summary>
    private static void ThrowIfExited(ProcessHost process)
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"The process exited before it was ready. {process.Describe()}");
        }
    }

    private static async Task<bool> ServesOpenApiAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("/swagger/v1/swagger.json", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout elapsed while the process was still starting.
            return false;
        }
    }
}
