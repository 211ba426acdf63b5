using System.Resources;
using Pairing.Core.Findings;

namespace Pairing.Core.Rosters;

/// <summary>
/// The codes of roster problems (<c>ROS</c>): every problem <see cref="Pairing.Core.Files.Rosters.RosterFiles.Read"/> and <see cref="RosterBuilder.Build"/> report, one code per distinct kind of problem, with its values as typed arguments.
/// </summary>
/// <remarks>
/// Each message says what is wrong and then what was expected; the expected part alone is the resource
/// <c>CODE.Expected</c> (<see cref="FindingRenderer.RenderPart"/>). FindingCatalog lists every code.
/// </remarks>
public static class RosterFindings
{
    private static readonly ResourceManager Messages = new("Pairing.Core.Rosters.Resources.RosterMessages", typeof(RosterFindings).Assembly);

    /// <summary><c>ROS001</c>: the roster folder does not exist.</summary>
    public static FindingDescriptor MissingFolder { get; } = Define("ROS001", FindingSeverity.Error, "path");

    /// <summary><c>ROS002</c>: a required file is not in the roster folder.</summary>
    public static FindingDescriptor MissingFile { get; } = Define("ROS002", FindingSeverity.Error, "file", "folder");

    /// <summary><c>ROS003</c>: the file is UTF-16.</summary>
    public static FindingDescriptor Utf16 { get; } = Define("ROS003", FindingSeverity.Error);

    /// <summary><c>ROS004</c>: a byte is neither UTF-8 nor GB18030.</summary>
    public static FindingDescriptor BadByte { get; } = Define("ROS004", FindingSeverity.Error, "byte", "character", "offset");

    /// <summary><c>ROS005</c>: the file is empty: it has no header row.</summary>
    public static FindingDescriptor EmptyFile { get; } = Define("ROS005", FindingSeverity.Error, "columns");

    /// <summary><c>ROS006</c>: a quoted field is never closed.</summary>
    public static FindingDescriptor UnclosedQuote { get; } = Define("ROS006", FindingSeverity.Error);

    /// <summary><c>ROS007</c>: text follows a closing quote.</summary>
    public static FindingDescriptor TextAfterQuote { get; } = Define("ROS007", FindingSeverity.Error);

    /// <summary><c>ROS008</c>: a quote inside an unquoted field.</summary>
    public static FindingDescriptor QuoteInField { get; } = Define("ROS008", FindingSeverity.Error);

    /// <summary><c>ROS009</c>: a row has another number of fields than the header.</summary>
    public static FindingDescriptor FieldCount { get; } = Define("ROS009", FindingSeverity.Error, "fields", "header");

    /// <summary><c>ROS010</c>: a required column is not in the header.</summary>
    public static FindingDescriptor MissingColumn { get; } = Define("ROS010", FindingSeverity.Error, "column", "columns");

    /// <summary><c>ROS011</c>: a column appears twice in the header.</summary>
    public static FindingDescriptor DuplicateColumn { get; } = Define("ROS011", FindingSeverity.Error, "column", "first");

    /// <summary><c>ROS012</c>: a column the format does not know; it is ignored.</summary>
    public static FindingDescriptor UnknownColumn { get; } = Define("ROS012", FindingSeverity.Warning, "column", "columns");

    /// <summary><c>ROS013</c>: a column whose header names personal data; refused.</summary>
    public static FindingDescriptor PersonalColumn { get; } = Define("ROS013", FindingSeverity.Error, "column");

    /// <summary><c>ROS014</c>: a grade is not a middle-school grade.</summary>
    public static FindingDescriptor BadGrade { get; } = Define("ROS014", FindingSeverity.Error, "value");

    /// <summary><c>ROS015</c>: a grade is a decimal number (a spreadsheet formatted the column as numbers).</summary>
    public static FindingDescriptor DecimalGrade { get; } = Define("ROS015", FindingSeverity.Error, "value");

    /// <summary><c>ROS016</c>: an id is empty.</summary>
    public static FindingDescriptor EmptyId { get; } = Define("ROS016", FindingSeverity.Error, "column");

    /// <summary><c>ROS017</c>: an id has white space around it.</summary>
    public static FindingDescriptor SpacedId { get; } = Define("ROS017", FindingSeverity.Error, "column", "value");

    /// <summary><c>ROS018</c>: an id contains a control character.</summary>
    public static FindingDescriptor ControlInId { get; } = Define("ROS018", FindingSeverity.Error, "column", "character");

    /// <summary><c>ROS019</c>: an id is a number in E notation: Excel turned it into a number and it lost digits.</summary>
    public static FindingDescriptor NumberId { get; } = Define("ROS019", FindingSeverity.Error, "column", "value");

    /// <summary><c>ROS020</c>: an id appears twice in its file.</summary>
    public static FindingDescriptor DuplicateId { get; } = Define("ROS020", FindingSeverity.Error, "level", "id", "first");

    /// <summary><c>ROS021</c>: an id was added twice through RosterBuilder.</summary>
    public static FindingDescriptor DuplicateIdAdded { get; } = Define("ROS021", FindingSeverity.Error, "level", "id");

    /// <summary><c>ROS022</c>: a school's county is not in counties.csv.</summary>
    public static FindingDescriptor SchoolCountyNotListed { get; } = Define("ROS022", FindingSeverity.Error, "school", "county");

    /// <summary><c>ROS023</c>: a class's school is not in schools.csv.</summary>
    public static FindingDescriptor ClassSchoolNotListed { get; } = Define("ROS023", FindingSeverity.Error, "class", "school");

    /// <summary><c>ROS024</c>: a student's class is not in classes.csv.</summary>
    public static FindingDescriptor StudentClassNotListed { get; } = Define("ROS024", FindingSeverity.Error, "student", "class");

    /// <summary><c>ROS025</c>: schools name a county whose own row was rejected; said once, not per school.</summary>
    public static FindingDescriptor CountyRejected { get; } = Define("ROS025", FindingSeverity.Error, "county", "file", "line", "count");

    /// <summary><c>ROS026</c>: classes name a school whose own row was rejected; said once, not per class.</summary>
    public static FindingDescriptor SchoolRejected { get; } = Define("ROS026", FindingSeverity.Error, "school", "file", "line", "count");

    /// <summary><c>ROS027</c>: students name a class whose own row was rejected; said once, not per student.</summary>
    public static FindingDescriptor ClassRejected { get; } = Define("ROS027", FindingSeverity.Error, "class", "file", "line", "count");

    /// <summary><c>ROS028</c>: a reference matches a listed id once leading zeros are restored (a spreadsheet dropped them).</summary>
    public static FindingDescriptor LeadingZerosLost { get; } = Define("ROS028", FindingSeverity.Error, "level", "id", "candidate", "file");

    /// <summary><c>ROS029</c>: a county's side is not known.</summary>
    public static FindingDescriptor BadSide { get; } = Define("ROS029", FindingSeverity.Error, "value");

    /// <summary><c>ROS030</c>: a Xinjiang county's unit is not an aided area of the support map.</summary>
    public static FindingDescriptor UnknownArea { get; } = Define("ROS030", FindingSeverity.Error, "county", "unit");

    /// <summary><c>ROS031</c>: a Xinjiang county's unit contradicts the support map.</summary>
    public static FindingDescriptor WrongArea { get; } = Define("ROS031", FindingSeverity.Error, "county", "name", "area", "unit");

    /// <summary><c>ROS032</c>: an inland county's unit is not a supporting province.</summary>
    public static FindingDescriptor UnknownProvince { get; } = Define("ROS032", FindingSeverity.Error, "county", "unit");

    /// <summary><c>ROS033</c>: a class size is not a whole number in range.</summary>
    public static FindingDescriptor BadSize { get; } = Define("ROS033", FindingSeverity.Error, "value", "max");

    /// <summary><c>ROS034</c>: a class has no size and there is no students.csv.</summary>
    public static FindingDescriptor MissingSize { get; } = Define("ROS034", FindingSeverity.Error, "class");

    /// <summary><c>ROS035</c>: a class has more students in students.csv than a class may have.</summary>
    public static FindingDescriptor ClassTooLarge { get; } = Define("ROS035", FindingSeverity.Error, "class", "count", "max");

    /// <summary><c>ROS036</c>: a class's size disagrees with its students in students.csv.</summary>
    public static FindingDescriptor SizeMismatch { get; } = Define("ROS036", FindingSeverity.Error, "class", "size", "count");

    /// <summary><c>ROS037</c>: a gender is not known.</summary>
    public static FindingDescriptor BadGender { get; } = Define("ROS037", FindingSeverity.Error, "value");

    /// <summary><c>ROS038</c>: a birth year is not a year in range.</summary>
    public static FindingDescriptor BadBirthYear { get; } = Define("ROS038", FindingSeverity.Error, "value", "min", "max");

    /// <summary><c>ROS039</c>: a class has no students (a warning).</summary>
    public static FindingDescriptor EmptyClass { get; } = Define("ROS039", FindingSeverity.Warning, "class");

    /// <summary><c>ROS040</c>: a value is shaped like a resident ID-card number; the value is never shown.</summary>
    public static FindingDescriptor IdCardValue { get; } = Define("ROS040", FindingSeverity.Error, "column");

    /// <summary><c>ROS041</c>: a column not in the format whose values look like personal data (phone numbers); refused.</summary>
    public static FindingDescriptor PersonalValues { get; } = Define("ROS041", FindingSeverity.Error, "column");

    /// <summary><c>ROS042</c>: a workbook's sheet is empty: it has no header row.</summary>
    public static FindingDescriptor EmptySheet { get; } = Define("ROS042", FindingSeverity.Error, "sheet", "columns");

    /// <summary><c>ROS043</c>: a sheet's column has values but no header; it is ignored (said once, at its first row).</summary>
    public static FindingDescriptor UnheadedColumn { get; } = Define("ROS043", FindingSeverity.Warning, "column", "header");

    /// <summary><c>ROS044</c>: a roster workbook has no sheet for a required table.</summary>
    public static FindingDescriptor MissingSheet { get; } = Define("ROS044", FindingSeverity.Error, "file", "sheet", "alias", "sheets");

    /// <summary><c>ROS045</c>: a workbook has no sheets at all.</summary>
    public static FindingDescriptor NoSheets { get; } = Define("ROS045", FindingSeverity.Error, "file", "table");

    /// <summary><c>ROS046</c>: the workbook named does not exist.</summary>
    public static FindingDescriptor MissingWorkbook { get; } = Define("ROS046", FindingSeverity.Error, "path");

    /// <summary><c>ROS047</c>: a file cannot be read as a workbook.</summary>
    public static FindingDescriptor BadWorkbook { get; } = Define("ROS047", FindingSeverity.Error, "file", "error");

    /// <summary><c>ROS048</c>: a workbook's sheet cannot be read.</summary>
    public static FindingDescriptor BadSheet { get; } = Define("ROS048", FindingSeverity.Error, "sheet", "file", "error");

    /// <summary><c>ROS049</c>: roster workbooks lie beside the roster's CSV files and would be ignored.</summary>
    public static FindingDescriptor WorkbookBesideCsv { get; } = Define("ROS049", FindingSeverity.Error, "workbooks", "files");

    /// <summary><c>ROS050</c>: the path is a file that is neither a roster folder nor a workbook.</summary>
    public static FindingDescriptor NotRosterInput { get; } = Define("ROS050", FindingSeverity.Error, "path");

    /// <summary><c>ROS051</c>: a column not in the format whose values look like e-mail addresses; refused.</summary>
    public static FindingDescriptor EmailValues { get; } = Define("ROS051", FindingSeverity.Error, "column");

    /// <summary><c>ROS052</c>: a roster file is not a regular file (a pipe, a device or a socket); it is not read.</summary>
    public static FindingDescriptor SpecialFile { get; } = Define("ROS052", FindingSeverity.Error, "file", "path");

    /// <summary><c>ROS053</c>: a folder stands where a roster file is expected.</summary>
    public static FindingDescriptor FolderNotFile { get; } = Define("ROS053", FindingSeverity.Error, "file", "path");

    /// <summary><c>ROS054</c>: a roster file cannot be read (no permission, or an I/O error).</summary>
    public static FindingDescriptor UnreadableFile { get; } = Define("ROS054", FindingSeverity.Error, "file", "path", "error");

    /// <summary><c>ROS060</c>: a file given to the roster reader (in memory or as a stream) is not one of the roster's files; it is not read.</summary>
    public static FindingDescriptor UnknownFile { get; } = Define("ROS060", FindingSeverity.Warning, "file");

    /// <summary><c>ROS055</c>: a roster file is larger than the size cap (InputFileLimits.MaxFileBytes); it is not read.</summary>
    public static FindingDescriptor FileTooLarge { get; } = Define("ROS055", FindingSeverity.Error, "file", "path", "size", "max");

    private static FindingDescriptor Define(string code, FindingSeverity severity, params string[] arguments) =>
        new FindingDescriptor(code, "roster", severity, null, Messages, arguments);

    /// <summary>ROS061: the header is separated by {separator}, not by commas; expected a comma-separated file. Said once for the file, which is not read further.</summary>
    public static FindingDescriptor WrongSeparator { get; } = Define("ROS061", FindingSeverity.Error, "separator");

    /// <summary>ROS062: a field longer than <see cref="Pairing.Core.Files.InputFileLimits.MaxFieldChars"/>; the file is not read further.</summary>
    public static FindingDescriptor FieldTooLong { get; } = Define("ROS062", FindingSeverity.Error, "length", "max");

    /// <summary>ROS063: a line longer than <see cref="Pairing.Core.Files.InputFileLimits.MaxLineChars"/>; the file is not read further.</summary>
    public static FindingDescriptor LineTooLong { get; } = Define("ROS063", FindingSeverity.Error, "length", "max");

    /// <summary>ROS064: blank lines skipped, counted once per file at the first.</summary>
    public static FindingDescriptor BlankLines { get; } = Define("ROS064", FindingSeverity.Warning, "count");

    /// <summary>ROS065: more problems of one code in one file than are listed: {count} more {code} after the first {listed}.</summary>
    public static FindingDescriptor MoreProblems { get; } = Define("ROS065", FindingSeverity.Error, "count", "code", "listed");
}
