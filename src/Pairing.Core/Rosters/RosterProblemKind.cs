using Pairing.Core.Files.Tables;


namespace Pairing.Core.Rosters;

/// <summary>What is wrong in a roster; each <see cref="RosterProblem"/> has one kind.</summary>
public enum RosterProblemKind
{
    /// <summary>A required file (counties.csv, schools.csv or classes.csv) is not in the folder.</summary>
    MissingFile = 1,

    /// <summary>The file is neither UTF-8 nor GB18030.</summary>
    BadEncoding,

    /// <summary>The CSV itself is broken: an unclosed quote, text after a quote, a row with the wrong number of fields.</summary>
    MalformedCsv,

    /// <summary>A required column is not in the header.</summary>
    MissingColumn,

    /// <summary>A column appears twice in the header.</summary>
    DuplicateColumn,

    /// <summary>A column the format does not know; it is ignored (a warning).</summary>
    UnknownColumn,

    /// <summary>A column or value that looks like personal data (a name, an address, an ID-card number); refused.</summary>
    PersonalData,

    /// <summary>An id is empty, has surrounding white space or control characters.</summary>
    BadId,

    /// <summary>An id appears twice in its file.</summary>
    DuplicateId,

    /// <summary>A reference (a school's county, a class's school, a student's class) does not resolve.</summary>
    DanglingReference,

    /// <summary>A county's side is neither <c>xinjiang</c> nor <c>inland</c>.</summary>
    BadSide,

    /// <summary>A Xinjiang county's unit is not an aided area of the support map, or contradicts it.</summary>
    UnknownArea,

    /// <summary>An inland county's unit is not a supporting province of the support map.</summary>
    UnknownProvince,

    /// <summary>A grade is not a whole number from 7 to 12.</summary>
    BadGrade,

    /// <summary>A class size is missing where it is required, or not a whole number in range.</summary>
    BadSize,

    /// <summary>A class's size disagrees with the number of its students in students.csv.</summary>
    SizeMismatch,

    /// <summary>A gender is not <c>F</c>, <c>M</c> or empty.</summary>
    BadGender,

    /// <summary>A birth year is not a whole number in range.</summary>
    BadBirthYear,

    /// <summary>A class has no students (a warning).</summary>
    EmptyClass,

    /// <summary>A workbook cannot be read (neither .xlsx nor .xls, or damaged); see the package <c>Pairing.Core.Excel</c>.</summary>
    BadWorkbook,

    /// <summary>A file is there but cannot be read as one: a pipe, device or folder in its place, no permission, or too large.</summary>
    UnreadableFile,
}
