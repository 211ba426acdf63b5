using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pairing.Core.Files.Tables;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Rosters;

public sealed class PersonalDataTests
{
    /// <summary>GB 11643's own example of an 18-character number (check character X).</summary>
    internal const string Valid18 = "11010519491231002X";

    /// <summary>The same person's 15-digit number of the old format: area 110105, born 491231, sequence 002.</summary>
    internal const string Valid15 = "110105491231002";

    /// <summary>17 digits and the check character GB 11643 gives them.</summary>
    internal static string WithCheck(string seventeen)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = seventeen.Select((c, i) => (c - '0') * weights[i]).Sum();
        return seventeen + "10X98765432"[sum % 11];
    }

    [Theory]
    [InlineData(Valid18)]
    [InlineData("11010519491231002x")]
    [InlineData(Valid15)]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")] // full-width digits and X
    [InlineData("１１０１０５４９１２３１００２")]
    [InlineData("110105 19491231 002X")]
    [InlineData("110105-1949-1231-002X")]
    [InlineData("110105.19491231.002X")]
    [InlineData("110105_19491231_002X")]
    [InlineData("110105/19491231/002X")]
    [InlineData("110105\u300019491231\u3000002X")] // ideographic space
    [InlineData("110105\u200B19491231002X")] // an invisible character
    [InlineData("'11010519491231002X")] // the apostrophe a spreadsheet keeps long numbers as text with
    [InlineData(" 11010519491231002X ")]
    [InlineData("𝟏𝟏𝟎𝟏𝟎𝟓𝟏𝟗𝟒𝟗𝟏𝟐𝟑𝟏𝟎𝟎𝟐X")] // mathematical digits, folded by NFKC
    public void Shapes_of_an_ID_card_number_are_recognised(string value) =>
        Assert.True(PersonalData.LooksLikeIdCardNumber(value));

    [Theory]
    [InlineData("110105194912310021")] // 18 digits whose check character is wrong
    [InlineData("1101051949123100X2")] // X where only a digit may be
    [InlineData("653121")] // a county code
    [InlineData("653121000001")] // a 12-digit school code
    [InlineData("6531210000011")]
    [InlineData("110105491331002")] // 15 digits, month 13
    [InlineData("110105490230002")] // 15 digits, 30 February
    [InlineData("000105491231002")] // 15 digits, no province 00
    [InlineData("990105491231002")] // 15 digits, no province 99
    [InlineData("11010549123100X")] // the old format has no check character
    [InlineData("1101051949123100")] // 16 digits
    [InlineData("1101051949123100222")] // 19 digits
    [InlineData("X11010519491231002")]
    [InlineData("11010519491231002X 学生")]
    [InlineData("篮球;音乐;书法;绘画;编程;围棋;乒乓球")]
    [InlineData("")]
    public void Other_values_are_not(string value) =>
        Assert.False(PersonalData.LooksLikeIdCardNumber(value));

    [Theory]
    [InlineData("650102000228123", true)] // 28 February 1900
    [InlineData("650102960229123", true)] // 29 February 1996
    [InlineData("650102000229123", false)] // 1900 was not a leap year
    [InlineData("650102970229123", false)]
    [InlineData("650102201501001", false)] // a county, a year and a number: month 15 is no month
    public void The_15_digit_format_is_refused_whenever_positions_7_to_12_are_a_real_date(string value, bool expected) =>
        // A deliberate choice (docs/privacy.md): 15 digits of a province's area code and a real date are what an old
        // ID card number is, whatever the office meant by them.
        Assert.Equal(expected, PersonalData.LooksLikeIdCardNumber(value));

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("138 1234 5678", true)]
    [InlineData("138-1234-5678", true)]
    [InlineData("+86 138 1234 5678", true)]
    [InlineData("(+86)13812345678", true)]
    [InlineData("008613812345678", true)]
    [InlineData("１３８１２３４５６７８", true)]
    [InlineData("12812345678", false)] // no mobile network starts 12
    [InlineData("1381234567", false)]
    [InlineData("138123456789", false)]
    [InlineData("653121000001", false)]
    [InlineData("010-12345678", false)]
    public void Mobile_numbers_are_recognised(string value, bool expected) =>
        Assert.Equal(expected, PersonalData.LooksLikeMobileNumber(value));

    [Theory]
    [InlineData("li.ming@example.com", true)]
    [InlineData("12345678@qq.com", true)]
    [InlineData("ｌｉ＠ｅｘａｍｐｌｅ．ｃｎ", true)]
    [InlineData("@example.com", false)]
    [InlineData("li@example", false)]
    [InlineData("li@.com", false)]
    [InlineData("li @example.com", false)]
    [InlineData("篮球;音乐", false)]
    public void Email_addresses_are_recognised(string value, bool expected) =>
        Assert.Equal(expected, PersonalData.LooksLikeEmailAddress(value));

    [Property(MaxTest = 500)]
    public Property Any_17_digits_with_their_check_character_are_refused_with_any_separators() =>
        Prop.ForAll(
            Gen.Choose(0, 9).ArrayOf(17).ToArbitrary(),
            Gen.Elements(string.Empty, " ", "-", "\u3000", ".", "_", "/").ToArbitrary(),
            Gen.Elements(false, true).ToArbitrary(),
            (digits, separator, fullWidth) =>
            {
                var number = WithCheck(string.Concat(digits));
                var written = string.Join(separator, number[..6], number[6..14], number[14..]);
                if (fullWidth)
                {
                    written = new string([.. written.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c)]);
                }

                return PersonalData.LooksLikeIdCardNumber(written);
            });

    [Property(MaxTest = 500)]
    public Property A_wrong_check_character_is_not_refused() =>
        Prop.ForAll(
            Gen.Choose(0, 9).ArrayOf(17).ToArbitrary(),
            Gen.Choose(1, 10).ToArbitrary(),
            (digits, shift) =>
            {
                var valid = WithCheck(string.Concat(digits));
                var checks = "0123456789X";
                var wrong = valid[..17] + checks[(checks.IndexOf(valid[17], StringComparison.Ordinal) + shift) % 11];
                return !PersonalData.LooksLikeIdCardNumber(wrong);
            });

    [Property(MaxTest = 500)]
    public Property Numeric_ids_of_other_lengths_are_never_refused() =>
        Prop.ForAll(
            Gen.Choose(1, 30).Where(n => n is not (15 or 18)).SelectMany(n => Gen.Choose(0, 9).ArrayOf(n)).ToArbitrary(),
            digits => !PersonalData.LooksLikeIdCardNumber(string.Concat(digits)));
}
