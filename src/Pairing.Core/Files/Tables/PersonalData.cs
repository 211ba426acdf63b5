namespace Pairing.Core.Files.Tables;

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
        var key = ColumnNames.Key(header);
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

    /// <summary>
    /// Whether a cell's value is shaped like a resident ID-card number (GB 11643): 17 digits and a check character that
    /// the standard's checksum (ISO 7064 MOD 11-2, X for 10) accepts, or the 15-digit form issued before 1999 (a 6-digit
    /// area code whose first two digits are a province's code, a YYMMDD birth date that is a real date, a 3-digit
    /// sequence). Full-width and other compatibility digits are folded (NFKC) and separators (spaces, the ideographic
    /// space, <c>-</c>, <c>.</c>, <c>_</c>, <c>/</c>, invisible characters) are ignored first.
    /// </summary>
    /// <remarks>
    /// Called on every cell of every file, so it allocates nothing for a value that cannot be one: a value with fewer
    /// than 15 characters, or with a character that is neither a digit, X nor a separator, is out at its first such
    /// character. Only a value with a character that NFKC may turn into a digit (rare) is normalised.
    /// </remarks>
    public static bool LooksLikeIdCardNumber(ReadOnlySpan<char> value)
    {
        if (value.Length < 15)
        {
            return false;
        }

        Span<char> digits = stackalloc char[18];
        var scan = Collect(value, digits, allowFolding: true, out var count);
        if (scan == Scan.NeedsFolding)
        {
            if (value.Length > MaxFoldedLength)
            {
                return false;
            }

            var folded = value.ToString().Normalize(System.Text.NormalizationForm.FormKC);
            scan = Collect(folded, digits, allowFolding: false, out count);
        }

        if (scan != Scan.Collected)
        {
            return false;
        }

        return count switch
        {
            18 => HasValidCheck(digits),
            15 => IsOldFormat(digits[..15]),
            _ => false,
        };
    }

    /// <summary>
    /// Whether a value is shaped like a mainland mobile number: 11 digits starting 13 to 19, with separators (spaces,
    /// <c>-</c>, brackets) and a leading +86, 86 or 0086 allowed.
    /// </summary>
    public static bool LooksLikeMobileNumber(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.Length < 11 || value.Length > 24)
        {
            return false;
        }

        Span<char> digits = stackalloc char[15];
        var count = 0;
        foreach (var c in value)
        {
            var d = DigitOf(c);
            if (d == 0)
            {
                if (IsSeparator(c) || c is '(' or ')' or '+' or '（' or '）' or '＋')
                {
                    continue;
                }

                return false;
            }

            if (count == digits.Length)
            {
                return false;
            }

            digits[count++] = d;
        }

        ReadOnlySpan<char> number = digits[..count];
        if (number.Length == 15 && number.StartsWith("0086"))
        {
            number = number[4..];
        }
        else if (number.Length == 13 && number.StartsWith("86"))
        {
            number = number[2..];
        }

        return number.Length == 11 && number[0] == '1' && number[1] is >= '3' and <= '9';
    }

    /// <summary>Whether a value is shaped like an e-mail address: text, an @ (or ＠), and a domain with a dot; no spaces.</summary>
    public static bool LooksLikeEmailAddress(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        var at = value.IndexOfAny('@', '＠');
        if (at <= 0 || value.Length - at < 4)
        {
            return false;
        }

        var domain = value[(at + 1)..];
        var dot = domain.LastIndexOfAny('.', '．');
        if (dot <= 0 || dot == domain.Length - 1 || domain.IndexOfAny('@', '＠') >= 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or ';' or '<' or '>')
            {
                return false;
            }
        }

        return true;
    }

    // Longer values would need many separators around the 15 or 18 characters: not worth normalising.
    private const int MaxFoldedLength = 128;

    private enum Scan
    {
        NotId,
        Collected,
        NeedsFolding,
    }

    private static Scan Collect(ReadOnlySpan<char> value, Span<char> digits, bool allowFolding, out int count)
    {
        count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var d = DigitOf(c);
            if (d == 0)
            {
                if (c is 'X' or 'x' or 'Ｘ' or 'ｘ')
                {
                    d = 'X';
                }
                else if (IsSeparator(c) || (i == 0 && c == '\''))
                {
                    // A leading apostrophe is how a spreadsheet is told to keep a long number as text.
                    continue;
                }
                else if (allowFolding && MayFoldToDigit(c))
                {
                    return Scan.NeedsFolding;
                }
                else
                {
                    return Scan.NotId;
                }
            }

            if (count == digits.Length)
            {
                return Scan.NotId;
            }

            digits[count++] = d;
        }

        return Scan.Collected;
    }

    /// <summary>The ASCII digit for an ASCII or full-width digit; 0 for anything else.</summary>
    private static char DigitOf(char c) => c switch
    {
        >= '0' and <= '9' => c,
        >= '０' and <= '９' => (char)('0' + (c - '０')),
        _ => '\0',
    };

    private static bool IsSeparator(char c) => c is ' ' or '\t' or '\u00A0' or '\u3000' or '-' or '.' or '_' or '/'
        or '－' or '．' or '＿' or '／' or (>= '\u2010' and <= '\u2015') or '\u2212'
        or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    // Characters NFKC may turn into digits or separators: super- and subscripts, enclosed and circled numbers,
    // the full-width block, and surrogates (mathematical digits).
    private static bool MayFoldToDigit(char c) => c is (>= '\u00B2' and <= '\u00B9') or (>= '\u2070' and <= '\u24FF')
        or (>= '\u3248' and <= '\u32BF') or (>= '\uFF00' and <= '\uFFEF') or (>= '\uD800' and <= '\uDBFF');

    private static bool HasValidCheck(ReadOnlySpan<char> digits)
    {
        ReadOnlySpan<int> weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        const string checks = "10X98765432";
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (digits[i] == 'X')
            {
                return false;
            }

            sum += (digits[i] - '0') * weights[i];
        }

        return digits[17] == checks[sum % 11];
    }

    private static bool IsOldFormat(ReadOnlySpan<char> digits)
    {
        if (digits.Contains('X'))
        {
            return false;
        }

        var province = ((digits[0] - '0') * 10) + (digits[1] - '0');
        if (province is not ((>= 11 and <= 15) or (>= 21 and <= 23) or (>= 31 and <= 37) or (>= 41 and <= 46) or (>= 50 and <= 54) or (>= 61 and <= 65)))
        {
            return false;
        }

        static int Two(ReadOnlySpan<char> d, int at) => ((d[at] - '0') * 10) + (d[at + 1] - '0');
        var year = 1900 + Two(digits, 6);
        var month = Two(digits, 8);
        var day = Two(digits, 10);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }
}
