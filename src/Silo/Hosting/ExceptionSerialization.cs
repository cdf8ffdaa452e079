using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace TermSync.Silo.Hosting;

/// <summary>
/// Lets Npgsql's exceptions travel in grain call responses between processes. Orleans serializes exceptions only of
/// the namespaces listed in <see cref="ExceptionSerializationOptions"/>, so without this a database error in a grain
/// on one silo reaches a caller in another process as a <see cref="CodecNotFoundException"/> that hides it.
/// </summary>
internal static class ExceptionSerialization
{
    public static IServiceCollection AddDatabaseExceptionSerialization(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("Npgsql"));
}
