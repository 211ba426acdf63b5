using Pairing.Core.Excel.Internals;
using Pairing.Core.Files.Tables;

namespace Pairing.Core.Excel.Tests.Internals;

public class CellTextTests
{
    [Theory]
    [InlineData(653201d, null, 0, "653201")]
    [InlineData(7d, "0.0", 164, "7.0")]
    [InlineData(7.5d, null, 0, "7.5")]
    [InlineData(1234d, "000000", 164, "001234")]
    [InlineData(653201123456d, null, 0, "653201123456")]
    [InlineData(653201123456789012d, null, 0, "6.53201123456789E+17")]
    [InlineData(41897d, null, 14, "2014-09-15")]
    [InlineData(41897d, "yyyy\"年\"m\"月\"d\"日\"", 176, "2014-09-15")]
    [InlineData(0.25d, "0%", 9, "25%")]
    [InlineData(1234d, "#,##0", 3, "1234")]
    [InlineData(2002d, "@", 49, "2002")]
    public void A_number_reads_as_its_format_shows_it(double value, string? code, int id, string expected) =>
        Assert.Equal(expected, CellText.Number(value, code, id));
}
