using System.CommandLine;
using Spectre.Console;

namespace Pairing.Cli;

/// <summary>Where a command writes, and a Spectre console over it that is plain text unless it is a real terminal.</summary>
internal static class CliConsole
{
    public static TextWriter Output(ParseResult parsed) => parsed.InvocationConfiguration?.Output ?? Console.Out;

    public static TextWriter Error(ParseResult parsed) => parsed.InvocationConfiguration?.Error ?? Console.Error;

    /// <summary>
    /// Writes a sentence wrapped to the terminal's width, or to 80 columns when the output is a file, a pipe or a test's
    /// writer; a number is never split across lines.
    /// </summary>
    public static void Say(TextWriter output, string text)
    {
        var width = Text.TextLayout.DefaultWidth;
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            try
            {
                width = Math.Max(40, Console.WindowWidth);
            }
            catch (IOException)
            {
                // No window to ask: keep 80.
            }
        }

        foreach (var line in Text.TextLayout.Wrap(text, width))
        {
            output.WriteLine(line);
        }
    }

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
