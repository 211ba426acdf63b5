namespace Pairing.Core.Rosters;

/// <summary>
/// Recognises what would identify a child: columns named like names, addresses, ID-card numbers, phones, e-mail
/// or birth dates (English or Chinese), and values shaped like a resident ID-card number (GB 11643).
/// </summary>
internal static class PersonalData
{
    // Compared against the header's key (ColumnNames.Key: NFKC, no spaces, invisible characters or separators,
    // lower case), as fragments: a header containing any of them is refused.
    private static readonly string[] Fragments =
    [
        "name", "姓名", "名字", "address", "addr", "地址", "住址", "住所", "idcard", "idnumber", "identity", "身份证",
        "身份号码", "公民身份", "证件", "学籍号", "学籍编号", "passport", "护照", "民族", "ethnic", "籍贯", "户籍", "phone",
        "mobile", "telephone", "电话", "手机", "联系方式", "email", "mail", "邮箱", "照片", "photo", "picture", "头像",
        "birthdate", "birthday", "dateofbirth", "出生日期", "生日", "parent", "guardian", "家长", "监护人", "father",
        "mother", "父亲", "母亲", "wechat", "微信", "qq号",
    ];

    // Short codes that would match inside innocent words, so refused only as the whole header (pinyin initials:
    // xm 姓名, sfzh 身份证号, xjh 学籍号, mz 民族, jg 籍贯, dh 电话, csrq 出生日期, zz 住址).
    private static readonly HashSet<string> Whole = new(StringComparer.Ordinal)
    {
        "xm", "sfz", "sfzh", "sfzhm", "xjh", "mz", "jg", "dh", "lxdh", "sj", "csrq", "zz", "jtzz", "zp", "tel", "cell",
        "dob", "qq", "ssn",
    };

    public static bool LooksLikePersonalColumn(string header, bool allowName)
    {
        var key = Internals.Csv.ColumnNames.Key(header);
        if (allowName && key is "name" or "名称")
        {
            return false; // counties.csv and schools.csv name institutions, not people
        }

        // Names of institutions are not personal data.
        if (key is "classname" or "schoolname" or "countyname" or "班级名称" or "学校名称" or "县名称" or "班级" or "学校")
        {
            return false;
        }

        if (Whole.Contains(key))
        {
            return true;
        }

        foreach (var fragment in Fragments)
        {
            if (key.Contains(fragment, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a value is 17 digits and a check character that GB 11643's checksum accepts.</summary>
    public static bool LooksLikeIdCardNumber(string value)
    {
        if (value.Length != 18)
        {
            return false;
        }

        ReadOnlySpan<int> weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        const string checks = "10X98765432";
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }

            sum += (value[i] - '0') * weights[i];
        }

        return char.ToUpperInvariant(value[17]) == checks[sum % 11];
    }
}
