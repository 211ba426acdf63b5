using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Pairing.Cli.Text;

/// <summary>
/// The tool's help, written in the run's language (System.CommandLine's own help has English headings and option
/// texts whatever the culture): description, usage, arguments, options (with their defaults) and commands, wrapped
/// to the terminal's width, or 80 columns when there is no terminal.
/// </summary>
internal sealed class HelpText : SynchronousCommandLineAction
{
    private readonly int _width;

    private HelpText(int width) => _width = width;

    /// <summary>Replaces the root's help option's action and text with these.</summary>
    public static void Install(RootCommand root, int width)
    {
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption help:
                    help.Action = new HelpText(width);
                    help.Description = Strings.HelpOption;
                    break;
                case VersionOption version:
                    version.Description = Strings.VersionOption;
                    break;
            }
        }
    }

    /// <inheritdoc/>
    public override bool ClearsParseErrors => true;

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration?.Output ?? Console.Out;
        Write(parseResult.CommandResult.Command, output, _width);
        return Program.Ok;
    }

    /// <summary>Writes the help of <paramref name="command"/>.</summary>
    public static void Write(Command command, TextWriter output, int width)
    {
        var path = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            path.Insert(0, c is RootCommand ? "pairing" : c.Name);
        }

        if (!string.IsNullOrEmpty(command.Description))
        {
            Heading(output, Strings.HelpDescription);
            foreach (var line in TextLayout.Wrap(command.Description, width - 2))
            {
                output.WriteLine("  " + line);
            }

            output.WriteLine();
        }

        var options = Options(command).ToList();
        var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
        var commands = command.Subcommands.Where(c => !c.Hidden).ToList();
        Heading(output, Strings.HelpUsage);
        var usage = string.Join(' ', path)
            + string.Concat(arguments.Select(a => " <" + a.Name + ">"))
            + (options.Count > 0 ? " " + Strings.HelpOptionsPlaceholder : string.Empty)
            + (commands.Count > 0 ? " " + Strings.HelpCommandPlaceholder : string.Empty);
        foreach (var line in TextLayout.Wrap(usage, width - 2))
        {
            output.WriteLine("  " + line);
        }

        if (arguments.Count > 0)
        {
            output.WriteLine();
            Heading(output, Strings.HelpArguments);
            Rows(output, arguments.Select(a => ("<" + a.Name + ">", a.Description ?? string.Empty, (string?)null)).ToList(), width);
        }

        if (options.Count > 0)
        {
            output.WriteLine();
            Heading(output, Strings.HelpOptions);
            Rows(output, [.. options.Select(o => Describe(o) switch { var (text, suffix) => (Label(o), text, suffix) })], width);
        }

        if (commands.Count > 0)
        {
            output.WriteLine();
            Heading(output, Strings.HelpCommands);
            Rows(output, commands.Select(c => (c.Name + string.Concat(c.Arguments.Where(a => !a.Hidden).Select(a => " <" + a.Name + ">")), c.Description ?? string.Empty, (string?)null)).ToList(), width);
        }
    }

    /// <summary>A command's own options, then the recursive options of the commands above it (help, language).</summary>
    private static IEnumerable<Option> Options(Command command)
    {
        var seen = new HashSet<Option>();
        foreach (var option in command.Options.Where(o => !o.Hidden))
        {
            seen.Add(option);
            yield return option;
        }

        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in parent.Options.Where(o => o.Recursive && !o.Hidden && seen.Add(o)))
            {
                yield return option;
            }
        }
    }

    private static string Label(Option option)
    {
        // The Windows-style /? and /h are accepted but not advertised.
        var names = option.Aliases.Append(option.Name).Where(n => !n.StartsWith('/')).Distinct(StringComparer.Ordinal)
            .OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal);
        var label = string.Join(", ", names);
        return option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool) ? label : label + " <" + (option.HelpName ?? option.Name.TrimStart('-').ToUpperInvariant()) + ">";
    }

    /// <summary>An option's text, and its default as a suffix that is never split across lines.</summary>
    private static (string Text, string? Suffix) Describe(Option option)
    {
        var description = option.Description ?? string.Empty;
        if (option.ValueType != typeof(bool) && option.HasDefaultValue && option.GetDefaultValue() is { } value)
        {
            // A default shows as the user would type it (utf8), not as the library's enum value (Utf8WithBom).
            var text = value is Pairing.Core.Files.TextFileEncoding encoding
                ? (encoding == Pairing.Core.Files.TextFileEncoding.Gb18030 ? "gb18030" : "utf8")
                : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            if (!string.IsNullOrEmpty(text))
            {
                return (description, Fmt.Of(Strings.HelpDefault, text));
            }
        }

        return (description, null);
    }

    private static void Heading(TextWriter output, string heading) => output.WriteLine(heading);

    /// <summary>Two columns: labels, then their texts wrapped beside them (below them, when a label is too wide).</summary>
    private static void Rows(TextWriter output, IReadOnlyList<(string Label, string Text, string? Suffix)> rows, int width)
    {
        var column = Math.Min(rows.Max(r => TextLayout.Width(r.Label)), Math.Max(12, width / 3));
        var textWidth = Math.Max(20, width - column - 4);
        foreach (var (label, text, suffix) in rows)
        {
            var lines = TextLayout.Wrap(text, textWidth).ToList();
            if (suffix is not null)
            {
                if (TextLayout.Width(lines[^1]) + 1 + TextLayout.Width(suffix) <= textWidth)
                {
                    lines[^1] = lines[^1].Length == 0 ? suffix : lines[^1] + " " + suffix;
                }
                else
                {
                    lines.Add(suffix);
                }
            }

            var labelWidth = TextLayout.Width(label);
            var indent = new string(' ', column + 4);
            if (labelWidth > column)
            {
                output.WriteLine("  " + label);
                foreach (var line in lines)
                {
                    output.WriteLine(indent + line);
                }

                continue;
            }

            output.WriteLine("  " + label + new string(' ', column - labelWidth + 2) + lines[0]);
            foreach (var line in lines.Skip(1))
            {
                output.WriteLine(indent + line);
            }
        }
    }
}
