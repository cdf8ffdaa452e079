using System.Diagnostics;

namespace TermSync.Silo.Tests.Processes;

/// <summary>
/// A TermSync program (TermSync.Api.dll or TermSync.Silo.dll) running under <c>dotnet</c> as a child
/// process of the tests. It keeps the last lines of the child's stdout and stderr for failure messages,
/// and <see cref="Dispose"/> kills the child and its descendants if they still run.
/// </summary>
internal sealed class ProcessHost : IDisposable
{
    private const int MaxOutputLines = 200;

    private readonly Process process;
    private readonly Queue<string> output = new();
    private readonly Lock outputLock = new();

    private ProcessHost(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    /// <summary>Name of the process in failure messages, such as "silo-north".</summary>
    public string Name { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>
    /// Starts <c>dotnet ASSEMBLY ARGUMENTS</c> for an assembly in the test output folder, with the working
    /// directory set to that folder and <paramref name="environment"/> added to the inherited variables.
    /// </summary>
    /// <exception cref="FileNotFoundException">The assembly or its runtimeconfig.json is not next to the tests.</exception>
    public static ProcessHost Start(
        string name,
        string assemblyFileName,
        IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        var folder = AppContext.BaseDirectory;
        var assemblyPath = Path.Combine(folder, assemblyFileName);
        var runtimeConfigPath = Path.ChangeExtension(assemblyPath, ".runtimeconfig.json");
        if (!File.Exists(assemblyPath) || !File.Exists(runtimeConfigPath))
        {
            throw new FileNotFoundException(
                $"{assemblyFileName} or its runtimeconfig.json is missing in {folder}; reference its project from TermSync.Silo.Tests.csproj and build again.",
                assemblyPath);
        }

        var startInfo = new ProcessStartInfo(DotnetHostPath())
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(assemblyPath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var host = new ProcessHost(name, new Process { StartInfo = startInfo });
        host.process.OutputDataReceived += (_, line) => host.Append(line.Data);
        host.process.ErrorDataReceived += (_, line) => host.Append(line.Data);
        host.process.Start();
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        return host;
    }

    /// <summary>
    /// Kills the process and its descendants with SIGKILL, so it gets no chance to shut down, and waits
    /// until it has exited.
    /// </summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(cancellationToken);
    }

    /// <summary>Describes the process for a failure message: its name, pid, state and last output lines.</summary>
    public string Describe()
    {
        var state = process.HasExited ? $"exited with code {process.ExitCode}" : "running";
        string lines;
        lock (outputLock)
        {
            lines = string.Join(Environment.NewLine, output);
        }

        return $"{Name} (pid {process.Id}, {state}), last {MaxOutputLines} lines of output:{Environment.NewLine}{lines}";
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        process.Dispose();
    }

    /// <summary>
    /// Returns the dotnet host that runs the tests. The .NET CLI passes it in DOTNET_HOST_PATH, and
    /// "dotnet" from PATH is the fallback.
    /// </summary>
    private static string DotnetHostPath() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (outputLock)
        {
            output.Enqueue(line);
            if (output.Count > MaxOutputLines)
            {
                output.Dequeue();
            }
        }
    }
}
