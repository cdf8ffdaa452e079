using System.Net.Http.Json;

namespace TermSync.Api.Tests.Idempotency;

internal static class IdempotentRequests
{
    public const string KeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotency-Replayed";

    public static string NewKey() => Guid.NewGuid().ToString();

    /// <summary>Posts <paramref name="body"/> as JSON with the key, and as <paramref name="caller"/> when set.</summary>
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, object body, string? key, string? caller = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(KeyHeader, key);
        }

        if (caller is not null)
        {
            request.Headers.Add(IdempotencyTestPipeline.CallerHeader, caller);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static bool IsReplayed(this HttpResponseMessage response) =>
        response.Headers.TryGetValues(ReplayedHeader, out var values) && values.SequenceEqual(["true"]);

    public static Task<string> ReadBodyAsync(this HttpResponseMessage response) =>
        response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
}
