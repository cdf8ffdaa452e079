using TermSync.Importer.Cli;

namespace TermSync.Importer.Tests.Cli;

public sealed class CommandLineParserTests
{
    [Fact]
    public void Parser_reads_ledger_command()
    {
        var command = CommandLineParser.Parse(["ledger", "ledger.csv", "--api", "http://127.0.0.1:5080", "--until=2013-06-30", "--api-key", "admin-key"]);

        var ledger = Assert.IsType<LedgerCommand>(command);
        Assert.Equal("ledger.csv", ledger.FilePath);
        Assert.Equal(new Uri("http://127.0.0.1:5080/"), ledger.Replay.ApiBaseAddress);
        Assert.Equal(new DateOnly(2013, 6, 30), ledger.Replay.Until);
        Assert.Equal(8, ledger.Replay.MaxConcurrency);
        Assert.Equal("admin-key", ledger.Replay.ApiKey);
    }

    [Fact]
    public void Parser_reads_generate_options()
    {
        var command = CommandLineParser.Parse(
            ["generate", "--api", "http://127.0.0.1:5080/api", "--seed", "42", "--vendors", "12", "--customers", "200", "--invoices-per-pair", "3"],
            defaultApiKey: "key-from-environment");

        var generate = Assert.IsType<GenerateCommand>(command);
        Assert.Equal(new Uri("http://127.0.0.1:5080/api/"), generate.Replay.ApiBaseAddress);
        Assert.Null(generate.Replay.Until);
        Assert.Equal(42, generate.Network.Seed);
        Assert.Equal(12, generate.Network.Vendors);
        Assert.Equal(200, generate.Network.Customers);
        Assert.Equal(3, generate.Network.InvoicesPerPair);
        Assert.Equal("key-from-environment", generate.Replay.ApiKey);
    }

    [Fact]
    public void Parser_prefers_api_key_option()
    {
        var command = CommandLineParser.Parse(["generate", "--api", "http://127.0.0.1:5080", "--api-key=from-option"], defaultApiKey: "from-environment");

        var generate = Assert.IsType<GenerateCommand>(command);
        Assert.Equal("from-option", generate.Replay.ApiKey);
        Assert.DoesNotContain("from-option", generate.Replay.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Missing API key")]
    [InlineData("", "Missing API key")]
    [InlineData("two words", "Invalid API key")]
    public void Parser_rejects_missing_or_invalid_api_key(string? key, string expected)
    {
        var exception = Assert.Throws<CommandLineException>(() => CommandLineParser.Parse(["generate", "--api", "http://127.0.0.1:5080"], key));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Contains("TERMSYNC_API_KEY", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "ledger", "a.csv" }, "Missing --api")]
    [InlineData(new[] { "ledger", "--api", "http://127.0.0.1/" }, "exactly one FILE")]
    [InlineData(new[] { "ledger", "a.csv", "--api", "ftp://127.0.0.1/" }, "Invalid --api 'ftp://127.0.0.1/'")]
    [InlineData(new[] { "ledger", "a.csv", "--api", "http://127.0.0.1/", "--until", "6/30/2013" }, "Invalid --until '6/30/2013'")]
    [InlineData(new[] { "ledger", "a.csv", "--api", "http://127.0.0.1/", "--seed", "1" }, "Unknown option --seed")]
    [InlineData(new[] { "generate", "--api", "http://127.0.0.1/", "--vendors", "many" }, "Invalid --vendors 'many'")]
    [InlineData(new[] { "generate", "--api" }, "Option --api needs a value")]
    [InlineData(new[] { "import" }, "Unknown command 'import'")]
    public void Parser_rejects_invalid_arguments(string[] args, string expected)
    {
        var exception = Assert.Throws<CommandLineException>(() => CommandLineParser.Parse(args));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_returns_help_without_arguments()
    {
        Assert.IsType<HelpCommand>(CommandLineParser.Parse([]));
        Assert.IsType<HelpCommand>(CommandLineParser.Parse(["generate", "--help"]));
    }
}
