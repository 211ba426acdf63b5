using Pairing.Core.Files.Tables;

namespace Pairing.Core.Tests.Files.Tables;

public sealed class CsvReaderTests
{
    private static List<(int Line, string[] Fields, CsvError? Error)> ReadAll(string text)
    {
        var reader = new CsvReader(text);
        var rows = new List<(int, string[], CsvError?)>();
        while (reader.TryRead(out var record))
        {
            rows.Add((record.Line, Enumerable.Range(0, record.Count).Select(record.GetString).ToArray(), record.Error));
        }

        return rows;
    }

    [Fact]
    public void Reads_rfc4180_quoting_with_escaped_quotes_commas_and_line_breaks()
    {
        var rows = ReadAll("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n");
        Assert.Equal([1, 2, 3], rows.Select(r => r.Line));
        Assert.Equal(["x, y", "say \"hi\""], rows[1].Fields);
        Assert.Equal(["two\nlines", "z"], rows[2].Fields);
        Assert.All(rows, r => Assert.Null(r.Error));
    }

    [Fact]
    public void Line_numbers_count_the_line_breaks_inside_quoted_fields()
    {
        var rows = ReadAll("h\n\"a\nb\nc\"\nnext\n");
        Assert.Equal([1, 2, 5], rows.Select(r => r.Line));
    }

    [Fact]
    public void Accepts_lone_cr_and_a_missing_final_line_break()
    {
        var rows = ReadAll("a,b\rc,d");
        Assert.Equal([["a", "b"], ["c", "d"]], rows.Select(r => r.Fields));
    }

    [Fact]
    public void An_unclosed_quote_is_an_error_at_its_line_and_field()
    {
        var rows = ReadAll("a,b\nc,\"open\nmore\n");
        var error = Assert.Single(rows, r => r.Error is not null).Error!;
        Assert.Equal((2, 2), (error.Line, error.Column));
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error_and_reading_goes_on()
    {
        var rows = ReadAll("\"a\"b,c\nd,e\n");
        Assert.NotNull(rows[0].Error);
        Assert.Equal(1, rows[0].Error!.Column);
        Assert.Equal(["d", "e"], rows[1].Fields);
        Assert.Null(rows[1].Error);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_an_error()
    {
        var error = ReadAll("ab\"c,d\n")[0].Error;
        Assert.NotNull(error);
        Assert.Equal(1, error!.Column);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tx")]
    [InlineData("'=already")]
    [InlineData("''+twice")]
    [InlineData("'plain")]
    [InlineData("plain")]
    [InlineData("")]
    public void Written_values_come_back_exactly_and_formula_starts_are_defused(string value)
    {
        var text = new StringWriter();
        using (var writer = new CsvWriter(text))
        {
            writer.Write(value);
            writer.Write("next");
            writer.EndRow();
        }

        var written = text.ToString();
        Assert.False(written.Length > 0 && CsvEscaping.IsFormulaStart(written[0]), $"cell starts a formula: {written}");
        Assert.False(written.StartsWith("\"=", StringComparison.Ordinal) || written.StartsWith("\"+", StringComparison.Ordinal)
            || written.StartsWith("\"-", StringComparison.Ordinal) || written.StartsWith("\"@", StringComparison.Ordinal));
        Assert.Equal([value, "next"], ReadAll(written)[0].Fields);
    }
}
