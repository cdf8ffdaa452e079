using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace TermSync.Silo.Schema;

/// <summary>
/// One SQL file from deploy/sql, embedded into TermSync.Silo as a resource named
/// <c>TermSync.Schema.NNNN_name.sql</c>. NNNN is the version that orders the files.
/// </summary>
/// <param name="Version">The numeric prefix of the file name.</param>
/// <param name="Name">The file name, for example <c>0001_orleans_clustering.sql</c>.</param>
/// <param name="Sql">The file's SQL text.</param>
/// <param name="Checksum">The lower-case hex SHA-256 of the text with CRLF line ends read as LF,
/// so a checkout that converts line ends keeps the same checksum.</param>
internal sealed partial record SchemaMigration(int Version, string Name, string Sql, string Checksum)
{
    private const string ResourcePrefix = "TermSync.Schema.";

    /// <summary>Loads the migrations embedded in <paramref name="assembly"/>, ordered by version.</summary>
    /// <exception cref="SchemaMigrationException">A file name does not match NNNN_name.sql, two files
    /// share a version, or the assembly contains no migration.</exception>
    public static IReadOnlyList<SchemaMigration> LoadEmbedded(Assembly assembly)
    {
        var migrations = new List<SchemaMigration>();
        foreach (var resourceName in assembly.GetManifestResourceNames())
        {
            if (!resourceName.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = resourceName[ResourcePrefix.Length..];
            var match = FileNamePattern().Match(name);
            if (!match.Success)
            {
                throw new SchemaMigrationException(
                    $"Schema migration file '{name}' has an invalid name; name it NNNN_lower_case_words.sql, for example 0004_invoice_index.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resourceName)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd();
            var version = int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture);
            migrations.Add(new SchemaMigration(version, name, sql, ComputeChecksum(sql)));
        }

        if (migrations.Count == 0)
        {
            throw new SchemaMigrationException(
                $"{assembly.GetName().Name} contains no schema migration; check that deploy/sql/*.sql is embedded with the logical name {ResourcePrefix}<file name>.");
        }

        migrations.Sort((left, right) => left.Version.CompareTo(right.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new SchemaMigrationException(
                    $"Schema migration files '{migrations[i - 1].Name}' and '{migrations[i].Name}' share version {migrations[i].Version}; give each file its own number.");
            }
        }

        return migrations;
    }

    private static string ComputeChecksum(string sql)
    {
        var normalized = sql.Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    [GeneratedRegex(@"^(?<version>[0-9]{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex FileNamePattern();
}
