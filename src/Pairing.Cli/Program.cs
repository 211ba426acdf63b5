using System.CommandLine;
using System.Text;
using Pairing.Cli.Commands;

namespace Pairing.Cli;

/// <summary>The <c>pairing</c> tool: a thin shell over Pairing.Core's public API.</summary>
internal static class Program
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for an unexpected failure (a file that cannot be written, say).</summary>
    public const int Failed = 1;

    /// <summary>Exit code for bad input: a bad command line, or a roster with errors.</summary>
    public const int BadInput = 2;

    public static int Main(string[] args)
    {
        if (!Console.IsOutputRedirected)
        {
            return Run(args, Console.Out, Console.Error);
        }

        // Redirected to a file or a pipe: buffer, so that listing a million problems is not a million writes, and
        // write UTF-8 whatever the console's code page, so Chinese names survive.
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
        var code = Run(args, output, Console.Error);
        output.Flush();
        return code;
    }

    /// <summary>Runs the tool in-process, writing to the given writers; returns the exit code.</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("pairing: generate, check, plan, match and verify rosters, check activities and report on them, of the Xinjiang–inland middle-school pairing programme (各民族中学生结对子).")
        {
            GenerateCommand.Create(),
            CheckCommand.Create(),
            PlanCommand.Create(),
            MatchCommand.Create(),
            VerifyCommand.Create(),
            ActivitiesCommand.Create(TimeProvider.System),
            ReportCommand.Create(),
            DemoCommand.Create(),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // Every problem at once, not just the first.
            error.WriteLine($"pairing: {parsed.Errors.Count} problem(s) with the command line:");
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine($"  {problem.Message}");
            }

            error.WriteLine("Run 'pairing --help' or 'pairing <command> --help' for usage.");
            return BadInput;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
