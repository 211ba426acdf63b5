using Pairing.Core.Files;
using Pairing.Core.Internals;

namespace Pairing.Core.Excel.Internals;

/// <summary>A workbook path that is not a regular file the process may read within the size cap; reported, never shown raw.</summary>
internal sealed class InputFileException(InputFileError error, string file) : IOException(error.Describe(file))
{
    /// <summary>Why the file was not read.</summary>
    public InputFileError Error { get; } = error;
}
