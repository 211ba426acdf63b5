using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Pairing.Core.Files;
using Pairing.Core.Findings;

namespace Pairing.Cli.Commands;

/// <summary>
/// Options as every command makes them: numbers parsed in the invariant culture with the tool's own message in the
/// user's language (not "as expected type 'System.Int32'"), and required paths checked in a validator, so that a
/// missing one is listed with every other problem rather than alone.
/// </summary>
internal static class CliOptions
{
    public static Option<int> Int(string name, string description, int? defaultValue = null, string helpName = "N") =>
        Number(name, description, defaultValue, helpName, CliFindings.NotAWholeNumber,
            (string t, out int v) => int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v));

    public static Option<long> Long(string name, string description, long? defaultValue = null, string helpName = "N") =>
        Number(name, description, defaultValue, helpName, CliFindings.NotAWholeNumber,
            (string t, out long v) => long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v));

    public static Option<double> Double(string name, string description, double? defaultValue = null, string helpName = "X") =>
        Number(name, description, defaultValue, helpName, CliFindings.NotANumber,
            (string t, out double v) => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v));

    /// <summary>
    /// <c>--encoding utf8|gb18030</c>: how the files people open in a spreadsheet (unpaired.csv, compliance.csv,
    /// rollup.csv) are written; the machine-facing files keep their bytes.
    /// </summary>
    public static Option<TextFileEncoding> Encoding() => new("--encoding")
    {
        Description = Strings.EncodingOption,
        HelpName = "utf8|gb18030",
        DefaultValueFactory = _ => TextFileEncoding.Utf8WithBom,
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 0 ? string.Empty : r.Tokens[^1].Value.Trim();
            switch (text.ToUpperInvariant())
            {
                case "UTF8" or "UTF-8":
                    return TextFileEncoding.Utf8WithBom;
                case "GB18030" or "GBK" or "GB2312":
                    return TextFileEncoding.Gb18030;
                default:
                    r.AddError(CliFindings.Line(CliFindings.BadEncoding, ("value", text)));
                    return TextFileEncoding.Utf8WithBom;
            }
        },
    };

    /// <summary>A path option (a folder or file to read or write).</summary>
    public static Option<string> Path(string name, string description, string helpName = "DIR") => new(name)
    {
        Description = description,
        HelpName = helpName,
    };

    /// <summary>Reports a required option that was not given, or given as an empty or blank path.</summary>
    public static void Require(CommandResult result, Option<string> option)
    {
        if (result.GetResult(option) is not { } given)
        {
            result.AddError(CliFindings.Line(CliFindings.OptionRequired, ("option", option.Name)));
        }
        else if (given.Tokens.Count > 0 && string.IsNullOrWhiteSpace(given.Tokens[^1].Value))
        {
            result.AddError(CliFindings.Line(CliFindings.OptionEmpty, ("option", option.Name)));
        }
    }

    /// <summary>
    /// Reports, before any work, an output folder a whole-folder write would refuse: a file or a link where the folder
    /// goes, or a folder holding files that are not the output's (<paramref name="owned"/>). A workbook path is left alone.
    /// </summary>
    public static void Writable(CommandResult result, Option<string> option, IReadOnlyList<string> owned)
    {
        if (result.GetResult(option) is not { Tokens.Count: > 0 } given || string.IsNullOrWhiteSpace(given.Tokens[^1].Value))
        {
            return;
        }

        var path = given.Tokens[^1].Value;
        CanWrite(result, option);
        if (ResultOutput.IsWorkbook(path))
        {
            return;
        }

        var foreign = File.Exists(path) || (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is not null)
            ? [System.IO.Path.GetFileName(path)]
            : Directory.Exists(path)
                ? Directory.EnumerateFileSystemEntries(path).Select(e => System.IO.Path.GetFileName(e)).Where(n => !owned.Contains(n, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList()
                : [];
        if (foreign.Count > 0)
        {
            result.AddError(CliFindings.Line(CliFindings.OutputTaken, ("option", option.Name), ("path", path),
                ("files", string.Join(", ", foreign.Take(5)) + (foreign.Count > 5 ? ", …" : string.Empty))));
        }
    }

    /// <summary>
    /// Reports an output that cannot be written, before any work is done: the nearest folder on its path that exists
    /// (the write creates the rest) must be a folder in which a new file can be made. A probe file with a random name is
    /// created there and removed at once; nothing else is touched.
    /// </summary>
    public static void CanWrite(CommandResult result, Option<string> option)
    {
        if (result.GetResult(option) is not { Tokens.Count: > 0 } given || string.IsNullOrWhiteSpace(given.Tokens[^1].Value))
        {
            return;
        }

        var path = given.Tokens[^1].Value;
        if (WhyNotWritable(path) is { } reason)
        {
            result.AddError(CliFindings.Line(CliFindings.NotWritable, ("option", option.Name), ("path", path), ("reason", reason)));
        }
    }

    /// <summary>Why nothing can be written at <paramref name="path"/> (a folder or a file to replace whole), or null when it can.</summary>
    internal static string? WhyNotWritable(string path)
    {
        string full;
        try
        {
            full = System.IO.Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return Strings.WriteBadPath;
        }

        // The output is replaced whole through a sibling, so what must accept new files is the folder that holds it.
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.TrimEndingDirectorySeparator(full));
        while (folder is not null && !Directory.Exists(folder))
        {
            if (File.Exists(folder))
            {
                return Fmt.Of(Strings.WriteFileInPath, folder);
            }

            folder = System.IO.Path.GetDirectoryName(folder);
        }

        if (folder is null)
        {
            return Strings.WriteNoFolder;
        }

        try
        {
            var probe = System.IO.Path.Combine(folder, ".pairing-probe-" + Guid.NewGuid().ToString("N"));
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return Strings.WriteDenied;
        }
        catch (IOException)
        {
            return Fmt.Of(Strings.WriteRefused, folder);
        }
    }

    /// <summary>Reports an optional path given as an empty or blank string.</summary>
    public static void NotEmpty(CommandResult result, Option option)
    {
        if (result.GetResult(option) is { } given && given.Tokens.Count > 0 && given.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
        {
            result.AddError(CliFindings.Line(CliFindings.OptionEmpty, ("option", option.Name)));
        }
    }

    /// <summary>
    /// A library options failure (an <c>OPT</c> finding whose subject is the property) rendered under the flag the user
    /// typed (<c>--seed</c>, not <c>Seed</c>), in the run's language; its data is re-used, never its text.
    /// </summary>
    /// <remarks>On one line with its code, as every command-line problem (<c>error OPT001: --seed is -1; …</c>); the
    /// property is not named as a subject.</remarks>
    public static string Failure(Finding failure, string? flag)
    {
        var named = new Finding(failure.Descriptor, failure.Severity, null, failure.Location,
            failure.Arguments.Select(a => a.Name == "option" && flag is not null ? FindingArgument.Of("option", flag) : a));
        return FindingRenderer.Default.RenderLine(named);
    }

    private delegate bool TryParser<T>(string text, out T value);

    /// <summary>A number option parsed by <paramref name="parse"/>, a bad value reported as <paramref name="message"/> under the option's name.</summary>
    private static Option<T> Number<T>(string name, string description, T? defaultValue, string helpName, FindingDescriptor message, TryParser<T> parse)
        where T : struct
    {
        var option = new Option<T>(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = r => Parse(r, name, message, parse),
        };
        if (defaultValue is { } d)
        {
            option.DefaultValueFactory = _ => d;
        }

        return option;
    }

    private static T Parse<T>(ArgumentResult result, string name, FindingDescriptor message, TryParser<T> parse)
    {
        if (result.Tokens.Count == 0)
        {
            result.AddError(CliFindings.Line(CliFindings.OptionNeedsValue, ("option", name)));
            return default!;
        }

        var text = result.Tokens[^1].Value;
        if (parse(text.Trim(), out var value))
        {
            return value;
        }

        result.AddError(CliFindings.Line(message, ("option", name), ("value", text)));
        return default!;
    }
}
