using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using TermSync.Grains.Storage;
using TermSync.Silo.Storage;
using TermSync.Silo.Storage.Journal;

namespace TermSync.Silo.Hosting;

public static class GroupCommitStorageHosting
{
    /// <summary>
    /// Registers grain storage <paramref name="name"/> as a <see cref="GroupCommitGrainStorage"/> over an Orleans ADO.NET
    /// grain storage on PostgreSQL, which is registered as well, under the name that <see cref="RowsStorageName"/> returns.
    /// Both store state with the Orleans binary serializer. A <see cref="PostgresGrainJournal"/> is registered under the
    /// same name, for grains that keep a journal beside their state.
    /// </summary>
    public static ISiloBuilder AddGroupCommitGrainStorage(this ISiloBuilder silo, string name, string connectionString)
    {
        var rowsName = RowsStorageName(name);
        silo.AddAdoNetGrainStorage(rowsName, options =>
        {
            options.Invariant = ClusterSettings.Invariant;
            options.ConnectionString = connectionString;
        });
        silo.Services.UseOrleansBinaryStateSerializer(rowsName);

        // The data source gets no logger factory, because Npgsql would log every flush at Information.
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, (provider, _) => new GroupCommitGrainStorage(
            (AdoNetGrainStorage)provider.GetRequiredKeyedService<IGrainStorage>(rowsName),
            NpgsqlDataSource.Create(connectionString),
            provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            name,
            rowsName,
            provider.GetRequiredService<IActivatorProvider>(),
            provider.GetRequiredService<ILogger<GroupCommitGrainStorage>>()));
        silo.Services.AddKeyedSingleton<IGrainJournal>(name, (provider, _) => new PostgresGrainJournal(
            NpgsqlDataSource.Create(connectionString),
            provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            provider.GetRequiredService<Serializer>(),
            provider.GetRequiredService<ILogger<PostgresGrainJournal>>()));
        return silo;
    }

    /// <summary>Returns the name of the ADO.NET grain storage that reads and clears the rows of group-commit storage <paramref name="name"/>.</summary>
    public static string RowsStorageName(string name) => name + "-rows";
}
