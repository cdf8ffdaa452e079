namespace TermSync.Importer.Cli;

/// <summary>
/// Raised when the command line is invalid. The message names the argument and the expected form.
/// </summary>
internal sealed class CommandLineException(string message) : Exception(message);
