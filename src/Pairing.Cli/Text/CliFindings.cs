using System.Resources;
using Pairing.Core.Findings;

namespace Pairing.Cli.Text;

/// <summary>
/// The tool's own problems (prefix <c>CLI</c>): a command line that cannot run, an input it cannot read, an output it
/// cannot write. Findings like the library's, so a line reads the same way (<c>error CLI001: …</c>, <c>错误 CLI001: …</c>)
/// and has a code a script or a help desk can rely on. Messages in <c>Resources/CliMessages.resx</c> and its zh-Hans
/// satellite; the tool's README lists where the codes are documented.
/// </summary>
internal static class CliFindings
{
    private static readonly ResourceManager Messages = new("Pairing.Cli.Resources.CliMessages", typeof(CliFindings).Assembly);

    /// <summary>CLI001: a required option is not given.</summary>
    public static FindingDescriptor OptionRequired { get; } = New("CLI001", "option");

    /// <summary>CLI002: a path option is given as an empty or blank string.</summary>
    public static FindingDescriptor OptionEmpty { get; } = New("CLI002", "option");

    /// <summary>CLI003: an option is given without its value.</summary>
    public static FindingDescriptor OptionNeedsValue { get; } = New("CLI003", "option");

    /// <summary>CLI004: an option's value is not a whole number.</summary>
    public static FindingDescriptor NotAWholeNumber { get; } = New("CLI004", "option", "value");

    /// <summary>CLI005: an option's value is not a number.</summary>
    public static FindingDescriptor NotANumber { get; } = New("CLI005", "option", "value");

    /// <summary>CLI006: <c>--language</c> names neither Chinese nor English.</summary>
    public static FindingDescriptor BadLanguage { get; } = New("CLI006", "value");

    /// <summary>CLI007: an option of <c>generate --next-year</c> is given without <c>--next-year</c>.</summary>
    public static FindingDescriptor OnlyWithNextYear { get; } = New("CLI007", "option");

    /// <summary>CLI008: an option of a new roster is given with <c>--next-year</c>.</summary>
    public static FindingDescriptor NotWithNextYear { get; } = New("CLI008", "option");

    /// <summary>CLI009: <c>--activities</c> and <c>--counts-only</c> together.</summary>
    public static FindingDescriptor ActivitiesNeedStudents { get; } = New("CLI009");

    /// <summary>CLI010: <c>--as-of</c> is not a date as yyyy-MM-dd.</summary>
    public static FindingDescriptor BadDate { get; } = New("CLI010", "option", "value");

    /// <summary>CLI011: the demo's folder holds files the demo did not make.</summary>
    public static FindingDescriptor FolderTaken { get; } = New("CLI011", "folder", "marker");

    /// <summary>CLI012: <c>match</c> is given a counts-only roster.</summary>
    public static FindingDescriptor CountsOnlyRoster { get; } = New("CLI012", "roster");

    /// <summary>CLI013: a result (a plan, last year's result) cannot be read.</summary>
    public static FindingDescriptor ResultUnreadable { get; } = New("CLI013", "what", "path", "error");

    /// <summary>CLI014: an output cannot be written.</summary>
    public static FindingDescriptor CannotWrite { get; } = New("CLI014", "path", "error");

    /// <summary>CLI016: the output folder is a file or a link, or holds files the write would remove.</summary>
    public static FindingDescriptor OutputTaken { get; } = New("CLI016", "option", "path", "files");

    /// <summary>CLI017: <c>--encoding</c> names neither UTF-8 nor GB18030.</summary>
    public static FindingDescriptor BadEncoding { get; } = New("CLI017", "value");

    /// <summary>CLI018: a command that does not exist (<c>pairing chek</c>).</summary>
    public static FindingDescriptor UnknownCommand { get; } = New("CLI018", "command");

    /// <summary>CLI019: an option the command does not have.</summary>
    public static FindingDescriptor UnknownOption { get; } = New("CLI019", "option", "command");

    /// <summary>CLI020: an argument beyond those the command takes.</summary>
    public static FindingDescriptor ExtraArgument { get; } = New("CLI020", "value", "command", "arguments");

    /// <summary>CLI021: an argument to a command that takes none.</summary>
    public static FindingDescriptor NoArguments { get; } = New("CLI021", "value", "command");

    /// <summary>CLI022: no command at all.</summary>
    public static FindingDescriptor NoCommand { get; } = New("CLI022", "commands");

    /// <summary>CLI023: a command's argument is missing.</summary>
    public static FindingDescriptor ArgumentMissing { get; } = New("CLI023", "command", "argument");

    /// <summary>CLI024: an option that takes one value is given more than once.</summary>
    public static FindingDescriptor OptionGivenTwice { get; } = New("CLI024", "option", "count");

    /// <summary>CLI025: any other problem the command-line parser finds.</summary>
    public static FindingDescriptor ParserProblem { get; } = New("CLI025", "problem");

    /// <summary>CLI030: an output path cannot be written (found before any work is done).</summary>
    public static FindingDescriptor NotWritable { get; } = New("CLI030", "option", "path", "reason");

    /// <summary>
    /// CLI031: a pair of the plan given to <c>match</c> (a plan of another roster) breaks a rule for this roster and is
    /// dropped; its units are paired afresh. <c>rule</c> and <c>problem</c> are the checker's finding, with its numbers.
    /// </summary>
    public static FindingDescriptor PlanPairDropped { get; } = new("CLI031", "cli", FindingSeverity.Warning, null, Messages, "level", "xinjiang", "inland", "rule", "problem");

    /// <summary>CLI032: the plan's pairs at one inland unit together break a rule for this roster; what fits is kept and the rest paired afresh.</summary>
    public static FindingDescriptor PlanUnitOver { get; } = new("CLI032", "cli", FindingSeverity.Warning, null, Messages, "unit", "rule", "problem");

    /// <summary>Every code, in code order.</summary>
    public static IReadOnlyList<FindingDescriptor> All { get; } =
    [
        OptionRequired, OptionEmpty, OptionNeedsValue, NotAWholeNumber, NotANumber, BadLanguage, OnlyWithNextYear, NotWithNextYear,
        ActivitiesNeedStudents, BadDate, FolderTaken, CountsOnlyRoster, ResultUnreadable, CannotWrite, OutputTaken, BadEncoding,
        UnknownCommand, UnknownOption, ExtraArgument, NoArguments, NoCommand, ArgumentMissing, OptionGivenTwice, ParserProblem,
        NotWritable, PlanPairDropped, PlanUnitOver,
    ];

    /// <summary>A sentence that follows a finding (<c>Hint.Nearest</c>: "Did you mean 'check'?"), in the run's language.</summary>
    public static string Hint(string key, string value) =>
        Fmt.Of(Messages.GetString(key, System.Globalization.CultureInfo.CurrentUICulture) ?? key, value);

    /// <summary>The finding on one line in the run's language: <c>error CLI001: Option '--out' is required.</c></summary>
    public static string Line(FindingDescriptor descriptor, params (string Name, object Value)[] arguments) =>
        FindingRenderer.Default.RenderLine(descriptor.Create(null, null, [.. arguments.Select(a => FindingArgument.Of(a.Name, a.Value))]));

    /// <summary>
    /// The line for an output a command cannot write: <c>pairing match: error CLI014: cannot write '…': …</c>, the reason
    /// in the user's language where it is a common one, and never the name of the library's temporary sibling folder.
    /// </summary>
    public static string CannotWriteLine(string command, string path, Exception e) =>
        $"pairing {command}: " + Line(CannotWrite, ("path", path), ("error", WriteReason(e, path)));

    /// <summary>Why a write failed, in the user's language; the system's text (less any temporary name) otherwise.</summary>
    public static string WriteReason(Exception e, string path) => e switch
    {
        UnauthorizedAccessException => Strings.WriteDenied,
        DirectoryNotFoundException => Strings.WriteNoFolder,
        _ => System.Text.RegularExpressions.Regex.Replace(e.Message, @"'?[^'\s]*\.pairing-(new|old)-[^'\s]*'?", "'" + path + "'"),
    };

    private static FindingDescriptor New(string code, params string[] arguments) =>
        new(code, "cli", FindingSeverity.Error, null, Messages, arguments);
}
