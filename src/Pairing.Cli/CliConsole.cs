using System.CommandLine;
using Spectre.Console;

namespace Pairing.Cli;

/// <summary>Where a command writes, and a Spectre console over it that is plain text unless it is a real terminal.</summary>
internal static class CliConsole
{
    public static TextWriter Output(ParseResult parsed) => parsed.InvocationConfiguration?.Output ?? Console.Out;

    public static TextWriter Error(ParseResult parsed) => parsed.InvocationConfiguration?.Error ?? Console.Error;

    /// <summary>
    /// A console for tables: colours and ANSI codes only when writing to the process's own, unredirected standard
    /// output; a file, a pipe or a test's writer gets plain text.
    /// </summary>
    public static IAnsiConsole Create(TextWriter output)
    {
        // Main passes Console.Out itself only when standard output is not redirected.
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            // No terminal to ask for a width: the classic 80 columns, which every table of the tool fits.
            console.Profile.Width = Text.TextLayout.DefaultWidth;
        }

        return console;
    }
}
