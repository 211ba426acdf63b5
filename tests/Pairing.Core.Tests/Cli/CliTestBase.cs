using Pairing.Cli;

namespace Pairing.Core.Tests.Cli;

/// <summary>What every CLI test needs: a temporary folder of its own, and the tool run in-process.</summary>
public abstract class CliTestBase : IDisposable
{
    protected CliTestBase() => Folder = Path.Combine(Path.GetTempPath(), "pairing-cli-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>The test's own folder (created by the commands that write into it).</summary>
    protected string Folder { get; }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    protected string In(params string[] parts) => Path.Combine([Folder, .. parts]);

    protected static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
