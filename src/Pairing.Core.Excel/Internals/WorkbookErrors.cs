using System.Xml;

namespace Pairing.Core.Excel.Internals;

/// <summary>Which exceptions mean a workbook is damaged or unreadable (bad input, reported), as against a programming error.</summary>
internal static class WorkbookErrors
{
    public static bool IsUnreadable(Exception e) =>
        e is InvalidDataException or IOException or XmlException or UnauthorizedAccessException or FormatException
            or ExcelDataReader.Exceptions.ExcelReaderException or NotSupportedException or ArgumentOutOfRangeException;
}
