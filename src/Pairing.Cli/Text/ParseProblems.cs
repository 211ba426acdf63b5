using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Pairing.Cli.Text;

/// <summary>
/// The command-line parser's own problems (an unknown command or option, a missing argument, one too many) as the
/// tool's findings: a <c>CLI</c> code, the run's language, and for a mistyped command or option the nearest one
/// ("did you mean 'check'?"). System.CommandLine's texts are recognised by its own resource formats, never shown as
/// they are: their Chinese doubles quotes and stops (<c>未识别命令或参数“'chek'”.</c>). Problems the tool's own
/// validators add are finding lines already and pass through.
/// </summary>
internal static partial class ParseProblems
{
    private static readonly ResourceManager ParserTexts = new("System.CommandLine.Properties.Resources", typeof(RootCommand).Assembly);

    /// <summary>Every problem of <paramref name="parsed"/>, one line each, causes first.</summary>
    public static IReadOnlyList<string> Lines(ParseResult parsed)
    {
        var culture = CultureInfo.CurrentUICulture;
        var command = parsed.CommandResult.Command;
        var lines = new List<string>();

        // An option that took the next option as its value ("--threads --language en") is the cause of what follows
        // (the next option's own value left over as an argument too many): its problem is said first.
        var swallowed = parsed.Errors
            .Where(e => e.SymbolResult is OptionResult o && o.Tokens.Any(t => IsOptionLike(t.Value)) && FindingLine().IsMatch(e.Message))
            .ToList();
        lines.AddRange(swallowed.Select(e => e.Message));

        // Tokens nothing took: an unknown command (the rest of the line belongs to it, and is not listed), an unknown
        // option, or an argument too many.
        var unknownCommand = false;
        foreach (var token in parsed.UnmatchedTokens)
        {
            if (IsOptionLike(token))
            {
                var options = OptionNames(command).ToList();
                lines.Add(CliFindings.Line(CliFindings.UnknownOption, ("option", token), ("command", PathOf(command)))
                    + Then(Nearest(token, options) is { } near
                        ? CliFindings.Hint("Hint.Nearest", near)
                        : CliFindings.Hint("Hint.Options", PathOf(command))));
            }
            else if (command.Subcommands.Count > 0)
            {
                var names = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
                lines.Add(CliFindings.Line(CliFindings.UnknownCommand, ("command", token))
                    + Then(Nearest(token, names) is { } near
                        ? CliFindings.Hint("Hint.Nearest", near)
                        : CliFindings.Hint("Hint.Commands", List(names))));
                unknownCommand = true;
                break;
            }
            else if (command.Arguments.Count(a => !a.Hidden) is > 0)
            {
                lines.Add(CliFindings.Line(CliFindings.ExtraArgument, ("value", token), ("command", PathOf(command)),
                    ("arguments", string.Join(' ', command.Arguments.Where(a => !a.Hidden).Select(a => "<" + a.Name + ">")))));
            }
            else
            {
                lines.Add(CliFindings.Line(CliFindings.NoArguments, ("value", token), ("command", PathOf(command))));
            }
        }

        foreach (var error in parsed.Errors.Except(swallowed))
        {
            var message = error.Message;
            if (FindingLine().IsMatch(message))
            {
                lines.Add(message);
            }
            else if (Match("UnrecognizedCommandOrArgument", message, culture) is not null)
            {
                // Listed above from the tokens themselves.
            }
            else if (Match("RequiredCommandWasNotProvided", message, culture) is not null)
            {
                if (!unknownCommand)
                {
                    lines.Add(CliFindings.Line(CliFindings.NoCommand,
                        ("commands", List(command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)))));
                }
            }
            else if (Match("CommandRequiredArgumentMissing", message, culture) is { } missing)
            {
                lines.Add(CliFindings.Line(CliFindings.ArgumentMissing, ("command", PathOf(command)), ("argument", missing[0])));
            }
            else if (Match("OptionRequiredArgumentMissing", message, culture) is { } noValue)
            {
                lines.Add(CliFindings.Line(CliFindings.OptionNeedsValue, ("option", noValue[0])));
            }
            else if (Match("RequiredOptionWasNotProvided", message, culture) is { } required)
            {
                lines.Add(CliFindings.Line(CliFindings.OptionRequired, ("option", required[0])));
            }
            else if (Match("OptionExpectsOneArgument", message, culture) is { } many)
            {
                lines.Add(CliFindings.Line(CliFindings.OptionGivenTwice, ("option", many[0]),
                    ("count", int.TryParse(many[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 2)));
            }
            else
            {
                lines.Add(CliFindings.Line(CliFindings.ParserProblem, ("problem", message.TrimEnd('.', '。', ' '))));
            }
        }

        return lines.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The candidate nearest to <paramref name="typed"/>, when it is close enough to be a slip (one edit for short
    /// names, two for longer ones, a swap of two letters counting as one) or <paramref name="typed"/> starts it and
    /// no other; otherwise null.
    /// </summary>
    internal static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        var list = candidates.Distinct(StringComparer.Ordinal).ToList();
        var best = list
            .Select(c => (Name: c, Distance: Distance(typed.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= (c.Name.Length <= 4 ? 1 : 2))
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();
        if (best is not null)
        {
            return best;
        }

        var starts = list.Where(c => typed.TrimStart('-').Length >= 3 && c.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        return starts.Count == 1 ? starts[0] : null;
    }

    /// <summary>The edit distance counting a swap of neighbouring letters as one edit (optimal string alignment).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>The parser's message's arguments when <paramref name="message"/> is its text <paramref name="key"/> (in the run's language or in English); otherwise null.</summary>
    internal static string[]? Match(string key, string message, CultureInfo culture)
    {
        foreach (var c in (CultureInfo[])[culture, CultureInfo.InvariantCulture])
        {
            if (ParserTexts.GetString(key, c) is not { Length: > 0 } format)
            {
                continue;
            }

            // Each {n} a named group, since a translation may put them in another order.
            var pattern = "^" + Placeholder().Replace(Regex.Escape(format).Replace(@"\{", "{", StringComparison.Ordinal), m => $"(?<p{m.Groups[1].Value}>.*?)") + "$";
            var match = Regex.Match(message, pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant);
            if (match.Success)
            {
                return [.. Enumerable.Range(0, 10).TakeWhile(i => match.Groups[$"p{i}"].Success).Select(i => match.Groups[$"p{i}"].Value)];
            }
        }

        return null;
    }

    /// <summary>A second sentence after a first: a space in English, none after a Chinese full stop.</summary>
    private static string Then(string sentence) =>
        CliFindings.Hint("Hint.Then", sentence);

    /// <summary>Names listed in the run's language: <c>generate, check</c>, <c>generate、check</c>.</summary>
    private static string List(IEnumerable<string> names) => string.Join(CliFindings.Hint("Hint.ListSeparator", string.Empty), names);

    private static bool IsOptionLike(string token) =>
        token.Length > 1 && token[0] == '-' && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static IEnumerable<string> OptionNames(Command command)
    {
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in c.Options.Where(o => !o.Hidden && (c == command || o.Recursive)))
            {
                yield return option.Name;
                foreach (var alias in option.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
                {
                    yield return alias;
                }
            }
        }
    }

    private static string PathOf(Command command)
    {
        var path = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            path.Insert(0, c is RootCommand ? "pairing" : c.Name);
        }

        return string.Join(' ', path);
    }

    [GeneratedRegex(@"^(?:\S.*?: )?\S+ [A-Z]{3}\d{3}: ")]
    private static partial Regex FindingLine();

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
