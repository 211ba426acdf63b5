using System.CommandLine;
using System.Globalization;
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
        // The language is the user's (--language, the locale variables, the UI culture), for this thread and for the
        // solver's, whose progress reports are printed too.
        var culture = CliLanguage.Resolve(args, Environment.GetEnvironmentVariable, CultureInfo.CurrentUICulture);
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        var width = Console.IsOutputRedirected ? TextLayout.DefaultWidth : Math.Max(40, TerminalWidth());
        if (!Console.IsOutputRedirected)
        {
            using var cancellation = new Cancellation(Console.Out, Console.Error);
            return Run(args, Console.Out, Console.Error, culture, width, cancellation.Token, cancellation);
        }

        // Redirected to a file or a pipe: buffer, so that listing a million problems is not a million writes, and
        // write UTF-8 whatever the console's code page, so Chinese names survive. Synchronized, so that a cancellation
        // can flush it from another thread.
        using var stream = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
        var output = TextWriter.Synchronized(stream);
        using (var cancellation = new Cancellation(output, Console.Error))
        {
            var code = Run(args, output, Console.Error, culture, width, cancellation.Token, cancellation);
            output.Flush();
            return code;
        }
    }

    /// <summary>
    /// Runs the tool in-process, writing to the given writers, in the language <c>--language</c> names, else in the
    /// calling thread's UI culture (the locale variables are not read: a test does not depend on the machine's);
    /// returns the exit code.
    /// </summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error) =>
        Run(args, output, error, CliLanguage.Resolve(args, _ => null, CultureInfo.CurrentUICulture), TextLayout.DefaultWidth);

    /// <summary>Runs the tool in-process in <paramref name="culture"/>, with help wrapped to <paramref name="width"/> columns.</summary>
    internal static int Run(
        string[] args, TextWriter output, TextWriter error, CultureInfo culture, int width, CancellationToken cancellationToken = default, Cancellation? signals = null)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            Cancellation.BeginRun(signals);
            return Parse(args, output, error, width, cancellationToken);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    private static int Parse(string[] args, TextWriter output, TextWriter error, int width, CancellationToken cancellationToken)
    {
        var language = new Option<string>(CliLanguage.OptionName)
        {
            Description = Strings.LanguageOption,
            HelpName = "zh|en",
            Recursive = true,
        };
        language.Validators.Add(result =>
        {
            var value = result.Tokens.LastOrDefault()?.Value;
            if (!CliLanguage.TryParse(value, out _))
            {
                result.AddError(CliFindings.Line(CliFindings.BadLanguage, ("value", value ?? string.Empty)));
            }
        });

        var root = new RootCommand(Strings.RootDescription)
        {
            GenerateCommand.Create(),
            CheckCommand.Create(),
            PlanCommand.Create(),
            MatchCommand.Create(),
            AdviseCommand.Create(),
            VerifyCommand.Create(),
            ExplainCommand.Create(),
            ActivitiesCommand.Create(TimeProvider.System),
            ReportCommand.Create(),
            DemoCommand.Create(),
        };
        var verbose = new Option<bool>("--verbose") { Description = Strings.VerboseOption, Recursive = true };
        root.Options.Add(language);
        root.Options.Add(verbose);
        HelpText.Install(root, width);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // Every problem at once, not just the first, each with its code (the parser's own as well).
            var problems = ParseProblems.Lines(parsed);
            error.WriteLine(Fmt.Of(Strings.CommandLineProblems, problems.Count));
            foreach (var problem in problems)
            {
                error.WriteLine("  " + problem);
            }

            error.WriteLine(Strings.CommandLineUsage);
            return BadInput;
        }

        // Signals are the tool's own (Cancellation), and so are unexpected exceptions: one line, not a stack trace.
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            return parsed.InvokeAsync(configuration, cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.Flush();
            error.WriteLine(Cancellation.Message);
            return Cancellation.ExitCode;
        }
        catch (Exception e)
        {
            output.Flush();
            error.WriteLine(Fmt.Of(Strings.UnexpectedError, e.GetType().Name, e.Message.ReplaceLineEndings(" ")));
            error.WriteLine(parsed.GetValue(verbose) ? e.ToString() : Strings.UnexpectedErrorVerbose);
            return Failed;
        }
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : TextLayout.DefaultWidth;
        }
        catch (IOException)
        {
            return TextLayout.DefaultWidth;
        }
    }
}
