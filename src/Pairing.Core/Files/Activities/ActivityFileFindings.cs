using System.Resources;
using Pairing.Core.Findings;

namespace Pairing.Core.Files.Activities;

/// <summary>
/// The codes of activity-record and holiday file problems (<c>ACF</c>): every problem <see cref="ActivityFiles.Read"/> and <see cref="ActivityFiles.Parse"/> report (and the Excel package's workbook reader), one code per distinct kind of problem, with its values as typed arguments.
/// </summary>
/// <remarks>
/// Each message says what is wrong and then what was expected; the expected part alone is the resource
/// <c>CODE.Expected</c> (<see cref="FindingRenderer.RenderPart"/>). FindingCatalog lists every code.
/// </remarks>
public static class ActivityFileFindings
{
    private static readonly ResourceManager Messages = new("Pairing.Core.Activities.Resources.ActivityFileMessages", typeof(ActivityFileFindings).Assembly);

    /// <summary><c>ACF001</c>: the file is not there.</summary>
    public static FindingDescriptor MissingFile { get; } = Define("ACF001", FindingSeverity.Error, "path");

    /// <summary><c>ACF002</c>: the file is UTF-16.</summary>
    public static FindingDescriptor Utf16 { get; } = Define("ACF002", FindingSeverity.Error);

    /// <summary><c>ACF003</c>: a byte is neither UTF-8 nor GB18030.</summary>
    public static FindingDescriptor BadByte { get; } = Define("ACF003", FindingSeverity.Error, "byte", "character", "offset");

    /// <summary><c>ACF004</c>: the file is empty: it has no header row.</summary>
    public static FindingDescriptor EmptyFile { get; } = Define("ACF004", FindingSeverity.Error, "columns");

    /// <summary><c>ACF005</c>: a quoted field is never closed.</summary>
    public static FindingDescriptor UnclosedQuote { get; } = Define("ACF005", FindingSeverity.Error);

    /// <summary><c>ACF006</c>: text follows a closing quote.</summary>
    public static FindingDescriptor TextAfterQuote { get; } = Define("ACF006", FindingSeverity.Error);

    /// <summary><c>ACF007</c>: a quote inside an unquoted field.</summary>
    public static FindingDescriptor QuoteInField { get; } = Define("ACF007", FindingSeverity.Error);

    /// <summary><c>ACF008</c>: a row has another number of fields than the header.</summary>
    public static FindingDescriptor FieldCount { get; } = Define("ACF008", FindingSeverity.Error, "fields", "header");

    /// <summary><c>ACF009</c>: a required column is not in the header.</summary>
    public static FindingDescriptor MissingColumn { get; } = Define("ACF009", FindingSeverity.Error, "column", "columns");

    /// <summary><c>ACF010</c>: a column appears twice in the header.</summary>
    public static FindingDescriptor DuplicateColumn { get; } = Define("ACF010", FindingSeverity.Error, "column", "first");

    /// <summary><c>ACF011</c>: a column the format does not know; it is ignored.</summary>
    public static FindingDescriptor UnknownColumn { get; } = Define("ACF011", FindingSeverity.Warning, "column", "columns");

    /// <summary><c>ACF012</c>: a column whose header names personal data; refused.</summary>
    public static FindingDescriptor PersonalColumn { get; } = Define("ACF012", FindingSeverity.Error, "column");

    /// <summary><c>ACF013</c>: a value is shaped like a resident ID-card number; the value is never shown.</summary>
    public static FindingDescriptor IdCardValue { get; } = Define("ACF013", FindingSeverity.Error, "column");

    /// <summary><c>ACF014</c>: a column not in the format whose values look like personal data (phone numbers); refused.</summary>
    public static FindingDescriptor PersonalValues { get; } = Define("ACF014", FindingSeverity.Error, "column");

    /// <summary><c>ACF015</c>: an id is empty.</summary>
    public static FindingDescriptor EmptyId { get; } = Define("ACF015", FindingSeverity.Error, "column");

    /// <summary><c>ACF016</c>: an id has white space around it.</summary>
    public static FindingDescriptor SpacedId { get; } = Define("ACF016", FindingSeverity.Error, "column", "value");

    /// <summary><c>ACF017</c>: an id contains a control character.</summary>
    public static FindingDescriptor ControlInId { get; } = Define("ACF017", FindingSeverity.Error, "column", "character");

    /// <summary><c>ACF018</c>: an id is a number in E notation: Excel turned it into a number and it lost digits.</summary>
    public static FindingDescriptor NumberId { get; } = Define("ACF018", FindingSeverity.Error, "column", "value");

    /// <summary><c>ACF019</c>: an activity id appears twice.</summary>
    public static FindingDescriptor DuplicateActivity { get; } = Define("ACF019", FindingSeverity.Error, "id", "first");

    /// <summary><c>ACF020</c>: an activity kind is not one the format defines.</summary>
    public static FindingDescriptor BadKind { get; } = Define("ACF020", FindingSeverity.Error, "value");

    /// <summary><c>ACF021</c>: a holiday kind is neither winter nor summer.</summary>
    public static FindingDescriptor BadHolidayKind { get; } = Define("ACF021", FindingSeverity.Error, "value");

    /// <summary><c>ACF022</c>: a required date is empty.</summary>
    public static FindingDescriptor MissingDate { get; } = Define("ACF022", FindingSeverity.Error, "column");

    /// <summary><c>ACF023</c>: a date is not an ISO date.</summary>
    public static FindingDescriptor BadDate { get; } = Define("ACF023", FindingSeverity.Error, "column", "value");

    /// <summary><c>ACF024</c>: an activity's end date is before its date.</summary>
    public static FindingDescriptor EndBeforeDate { get; } = Define("ACF024", FindingSeverity.Error, "end", "date");

    /// <summary><c>ACF025</c>: a holiday's end is before its start.</summary>
    public static FindingDescriptor EndBeforeStart { get; } = Define("ACF025", FindingSeverity.Error, "end", "start");

    /// <summary><c>ACF026</c>: a year is not a year.</summary>
    public static FindingDescriptor BadYear { get; } = Define("ACF026", FindingSeverity.Error, "value");

    /// <summary><c>ACF027</c>: a holiday does not fall in the year given.</summary>
    public static FindingDescriptor YearOutsideHoliday { get; } = Define("ACF027", FindingSeverity.Error, "year", "start", "end");

    /// <summary><c>ACF028</c>: a province's holiday of one year and kind is given twice.</summary>
    public static FindingDescriptor DuplicateHoliday { get; } = Define("ACF028", FindingSeverity.Error, "kind", "year", "province", "first");

    /// <summary><c>ACF029</c>: a field the record's kind needs is empty.</summary>
    public static FindingDescriptor MissingField { get; } = Define("ACF029", FindingSeverity.Error, "kind", "column");

    /// <summary><c>ACF030</c>: a count is not a whole number of 0 or more.</summary>
    public static FindingDescriptor BadCount { get; } = Define("ACF030", FindingSeverity.Error, "value");

    /// <summary><c>ACF031</c>: a consent is not all, partial or none.</summary>
    public static FindingDescriptor BadConsent { get; } = Define("ACF031", FindingSeverity.Error, "value");

    /// <summary><c>ACF032</c>: a column not in the format whose values look like e-mail addresses; refused.</summary>
    public static FindingDescriptor EmailValues { get; } = Define("ACF032", FindingSeverity.Error, "column");

    /// <summary><c>ACF033</c>: the file is not a regular file (a pipe, a device or a socket); it is not read.</summary>
    public static FindingDescriptor SpecialFile { get; } = Define("ACF033", FindingSeverity.Error, "path");

    /// <summary><c>ACF034</c>: a folder stands where the file is expected.</summary>
    public static FindingDescriptor FolderNotFile { get; } = Define("ACF034", FindingSeverity.Error, "path");

    /// <summary><c>ACF035</c>: the file cannot be read (no permission, or an I/O error).</summary>
    public static FindingDescriptor UnreadableFile { get; } = Define("ACF035", FindingSeverity.Error, "path", "error");

    /// <summary><c>ACF036</c>: the file is larger than the size cap (InputFileLimits.MaxFileBytes); it is not read.</summary>
    public static FindingDescriptor FileTooLarge { get; } = Define("ACF036", FindingSeverity.Error, "path", "size", "max");

    /// <summary><c>ACF037</c>: the workbook (through Pairing.Core.Excel) is damaged or not a workbook.</summary>
    public static FindingDescriptor BadWorkbook { get; } = Define("ACF037", FindingSeverity.Error, "file", "error");

    /// <summary><c>ACF038</c>: a sheet of the workbook cannot be read.</summary>
    public static FindingDescriptor BadSheet { get; } = Define("ACF038", FindingSeverity.Error, "sheet", "file", "error");

    /// <summary><c>ACF039</c>: the workbook has no sheet to read the table from.</summary>
    public static FindingDescriptor NoSheet { get; } = Define("ACF039", FindingSeverity.Error, "file", "table");

    /// <summary><c>ACF040</c>: a sheet is empty: it has no header row.</summary>
    public static FindingDescriptor EmptySheet { get; } = Define("ACF040", FindingSeverity.Error, "sheet", "columns");

    /// <summary><c>ACF041</c>: a sheet's column has values but no header; it is ignored.</summary>
    public static FindingDescriptor UnheadedColumn { get; } = Define("ACF041", FindingSeverity.Warning, "column", "header");

    /// <summary><c>ACF042</c>: the workbook is not there.</summary>
    public static FindingDescriptor MissingWorkbook { get; } = Define("ACF042", FindingSeverity.Error, "path");

    private static FindingDescriptor Define(string code, FindingSeverity severity, params string[] arguments) =>
        new FindingDescriptor(code, "activity-file", severity, null, Messages, arguments);

    /// <summary>ACF043: the header is separated by {separator}, not by commas; expected a comma-separated file. Said once for the file, which is not read further.</summary>
    public static FindingDescriptor WrongSeparator { get; } = Define("ACF043", FindingSeverity.Error, "separator");

    /// <summary>ACF044: a field longer than <see cref="InputFileLimits.MaxFieldChars"/>; the file is not read further.</summary>
    public static FindingDescriptor FieldTooLong { get; } = Define("ACF044", FindingSeverity.Error, "length", "max");

    /// <summary>ACF045: a line longer than <see cref="InputFileLimits.MaxLineChars"/>; the file is not read further.</summary>
    public static FindingDescriptor LineTooLong { get; } = Define("ACF045", FindingSeverity.Error, "length", "max");

    /// <summary>ACF046: blank lines skipped, counted once per file at the first.</summary>
    public static FindingDescriptor BlankLines { get; } = Define("ACF046", FindingSeverity.Warning, "count");

    /// <summary>ACF047: more problems of one code in one file than are listed: {count} more {code} after the first {listed}.</summary>
    public static FindingDescriptor MoreProblems { get; } = Define("ACF047", FindingSeverity.Error, "count", "code", "listed");
}
