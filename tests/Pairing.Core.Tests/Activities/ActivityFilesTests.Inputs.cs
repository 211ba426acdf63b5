using System.Text;
using Pairing.Core.Activities;
using Pairing.Core.Files;
using Pairing.Core.Files.Activities;
using Pairing.Core.Tests.Files;
using Pairing.Core.Tests.Rosters;
using Pairing.Core.Files.Tables;

namespace Pairing.Core.Tests.Activities;

/// <summary>Personal data in the cells of activity records, and files that are not regular files.</summary>
public sealed partial class ActivityFilesTests
{
    private const string Header = "activity_id,kind,date,from_id,to_id,detail,remark\n";

    [Theory]
    [InlineData("detail")]
    [InlineData("from_id")]
    [InlineData("remark")]
    public void An_ID_card_number_in_any_column_is_refused_and_never_shown(string column)
    {
        foreach (var value in new[] { PersonalDataTests.Valid18, PersonalDataTests.Valid15, "１１０１０５ １９４９１２３１ ００２Ｘ" })
        {
            string[] cells = ["a1", "letter", "2014-09-10", "X1", "N1", "你好", ""];
            cells[Array.IndexOf(Header.TrimEnd().Split(','), column)] = value;
            var result = Parse(Header + string.Join(',', cells) + "\n");

            Assert.False(result.IsValid);
            var problem = Assert.Single(result.Findings, p => p.Code == "ACF013");
            Assert.Equal(("PersonalData", 2, column), (ProblemKinds.Of(problem), problem.Location?.Line ?? 0, problem.Location?.ColumnName));
            RosterFilesTests.AssertNeverShown(result.Findings.Select(p => p), value);
        }
    }

    [Theory]
    [InlineData("13812345678", "ACF014")]
    [InlineData("zhang.san@example.cn", "ACF032")]
    public void A_column_outside_the_format_with_phones_or_e_mail_is_refused(string value, string code)
    {
        var result = Parse(Header + $"a1,letter,2014-09-10,X1,N1,你好,{value}\na2,letter,2014-09-11,N1,X1,,{value}\n");
        var problem = Assert.Single(result.Findings, p => p.Code == code);
        Assert.Equal((2, "remark"), (problem.Location?.Line ?? 0, problem.Location?.ColumnName));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void A_header_naming_personal_data_is_refused_in_activity_records_too()
    {
        var result = Parse("activity_id,kind,date,from_id,to_id,学生姓名\na1,letter,2014-09-10,X1,N1,\n");
        Assert.Equal("ACF012", Assert.Single(result.Findings, p => p.Code is ("ACF012" or "ACF013" or "ACF014" or "ACF032")).Code);
    }

    [UnixFact]
    public void Records_that_are_a_fifo_a_device_or_a_folder_are_problems_not_hangs()
    {
        using var dir = new TempDirectory();
        SpecialFiles.Fifo(dir.File("pipe.csv"));
        SpecialFiles.LinkToDevZero(dir.File("zero.csv"));
        Directory.CreateDirectory(dir.File("folder.csv"));
        File.WriteAllText(dir.File("ok.csv"), "activity_id,kind,date\n", Encoding.UTF8);

        string Code(string activities, string? holidays = null) =>
            Assert.Single(SpecialFiles.WithinSeconds(10, () => ActivityFiles.Read(activities, holidays)).Findings).Code;

        Assert.Equal("ACF033", Code(dir.File("pipe.csv")));
        Assert.Equal("ACF033", Code(dir.File("zero.csv")));
        Assert.Equal("ACF034", Code(dir.File("folder.csv")));
        Assert.Equal("ACF033", Code(dir.File("ok.csv"), dir.File("zero.csv")));
        Assert.Equal("ACF001", Code(dir.File("none.csv")));
    }

    [UnixFact]
    public void Records_over_the_size_cap_are_refused_with_both_sizes()
    {
        using var dir = new TempDirectory();
        SpecialFiles.Sparse(dir.File("huge.csv"), InputFileLimits.DefaultMaxFileBytes + 1);
        var problem = Assert.Single(ActivityFiles.Read(dir.File("huge.csv")).Findings);
        Assert.Equal(("ACF036", "UnreadableFile"), (problem.Code, ProblemKinds.Of(problem)));
    }
}
