using System.Resources;
using Pairing.Core.Findings;
using Pairing.Core.Files;

namespace Pairing.Core.Files.Results;

/// <summary>
/// The codes of reading a result or compliance folder back (prefix <c>RES</c>): a file missing or not a regular file, a summary that
/// does not parse, a CSV file without its header or columns, a row whose values do not fit the format. Each is
/// located (file, line). Options a summary claims that are out of range are reported with their own <c>OPT</c> codes,
/// located at <c>summary.json</c>. Messages in <c>Matching/Resources/ResultFileMessages.resx</c> and its zh-Hans satellite.
/// </summary>
public static class ResultFileFindings
{
    private static readonly ResourceManager Messages = new("Pairing.Core.Matching.Resources.ResultFileMessages", typeof(ResultFileFindings).Assembly);

    /// <summary>RES001: a file the result needs is not in the folder (<c>folder</c>).</summary>
    public static FindingDescriptor MissingFile { get; } = New("RES001", "file", "folder");

    /// <summary>RES002: a folder stands where a result file is expected.</summary>
    public static FindingDescriptor FolderNotFile { get; } = New("RES002", "file", "path");

    /// <summary>RES003: a result file is not a regular file (a pipe, a device, a socket); it is not read.</summary>
    public static FindingDescriptor SpecialFile { get; } = New("RES003", "file", "path");

    /// <summary>RES004: a result file cannot be read (permissions, an I/O error: <c>error</c> is the system's message).</summary>
    public static FindingDescriptor UnreadableFile { get; } = New("RES004", "file", "path", "error");

    /// <summary>RES005: a result file is larger than the size cap; it is not read.</summary>
    public static FindingDescriptor FileTooLarge { get; } = New("RES005", "file", "size", "max");

    /// <summary>RES006: there is no result folder at the path (nothing, or a file).</summary>
    public static FindingDescriptor NoFolder { get; } = New("RES006", "path");

    /// <summary>RES011: <c>summary.json</c> is not a summary of this format (<c>error</c> says where it fails).</summary>
    public static FindingDescriptor BadSummary { get; } = New("RES011", "error");

    /// <summary>RES012: <c>rollup.json</c> is not a compliance roll-up as the library writes it (<c>error</c> says where it fails).</summary>
    public static FindingDescriptor BadRollup { get; } = New("RES012", "error");

    /// <summary>RES021: a file's bytes are not text in a supported encoding.</summary>
    public static FindingDescriptor BadEncoding { get; } = New("RES021", "file", "error");

    /// <summary>RES022: a CSV file has no readable header row.</summary>
    public static FindingDescriptor NoHeader { get; } = New("RES022", "file");

    /// <summary>RES023: a CSV file's header lacks a column of the format.</summary>
    public static FindingDescriptor MissingColumn { get; } = New("RES023", "file", "column");

    /// <summary>RES024: a CSV record is malformed (quotes, a stray character).</summary>
    public static FindingDescriptor BadRecord { get; } = New("RES024", "file", "error");

    /// <summary>RES025: a row's values do not fit the format (<c>error</c> names the column and what was expected).</summary>
    public static FindingDescriptor BadRow { get; } = New("RES025", "file", "error");

    /// <summary>
    /// RES026: more problems of one code in one file than are listed (<c>count</c> more after the first <c>listed</c>,
    /// of <c>code</c>): at most 100 are kept per code and file, so that memory and output stay bounded however many
    /// rows are bad.
    /// </summary>
    public static FindingDescriptor MoreProblems { get; } = New("RES026", "count", "code", "listed");

    /// <summary>A file of a result or compliance folder that could not be read, as the finding of its kind.</summary>
    internal static Finding FromFileError(InputFileError error, string file, string directory)
    {
        var at = new FindingLocation(file);
        return error.Issue switch
        {
            InputFileIssue.Missing => MissingFile.Create(null, at, FindingArgument.Of("file", file), FindingArgument.Of("folder", directory)),
            InputFileIssue.Folder => FolderNotFile.Create(null, at, FindingArgument.Of("file", file), FindingArgument.Of("path", error.Path)),
            InputFileIssue.Special => SpecialFile.Create(null, at, FindingArgument.Of("file", file), FindingArgument.Of("path", error.Path)),
            InputFileIssue.Unreadable => UnreadableFile.Create(null, at,
                FindingArgument.Of("file", file), FindingArgument.Of("path", error.Path), FindingArgument.Of("error", error.Error)),
            _ => FileTooLarge.Create(null, at, FindingArgument.Of("file", file), FindingArgument.Of("size", error.Size), FindingArgument.Of("max", error.Max)),
        };
    }

    private static FindingDescriptor New(string code, params string[] arguments) =>
        new(code, "result", FindingSeverity.Error, null, Messages, arguments);
}
