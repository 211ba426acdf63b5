using System.Globalization;
using Pairing.Core.Internals;

namespace Pairing.Core.Hierarchy;

/// <summary>
/// A middle-school grade, 7 to 12: 初一, 初二, 初三 (junior) and 高一, 高二, 高三 (senior).
/// </summary>
/// <remarks>
/// Equality and order follow <see cref="Number"/>. The default value is grade 7, so that no
/// <see cref="Grade"/> is ever outside 7–12.
/// </remarks>
public readonly struct Grade : IEquatable<Grade>, IComparable<Grade>
{
    /// <summary>The lowest middle-school grade, 7 (初一).</summary>
    public const int MinNumber = 7;

    /// <summary>The highest middle-school grade, 12 (高三).</summary>
    public const int MaxNumber = 12;

    private static readonly string[] ChineseNames = ["初一", "初二", "初三", "高一", "高二", "高三"];

    // Stored as an offset from grade 7 so that default(Grade) is a valid grade.
    private readonly byte _offset;

    /// <summary>Creates a grade.</summary>
    /// <param name="number">The grade number, 7 to 12.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is outside 7–12.</exception>
    public Grade(int number) => _offset = (byte)(Guard.InRange(number, MinNumber, MaxNumber) - MinNumber);

    /// <summary>Every grade in order, 7 to 12.</summary>
    public static IReadOnlyList<Grade> All { get; } = [new(7), new(8), new(9), new(10), new(11), new(12)];

    /// <summary>The grade number, 7 to 12.</summary>
    public int Number => _offset + MinNumber;

    /// <summary>The grade's Chinese name: 初一 for 7 … 高三 for 12.</summary>
    public string ChineseName => ChineseNames[_offset];

    /// <summary>Junior (7–9) or senior (10–12).</summary>
    public SchoolStage Stage => Number <= 9 ? SchoolStage.Junior : SchoolStage.Senior;

    /// <summary>Parses a grade number as the files write it (<c>7</c> … <c>12</c>).</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="grade">The grade, when the text is one.</param>
    /// <returns>Whether <paramref name="text"/> is a whole number from 7 to 12.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Grade grade)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number is >= MinNumber and <= MaxNumber)
        {
            grade = new Grade(number);
            return true;
        }

        grade = default;
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(Grade other) => _offset == other._offset;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Grade other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _offset;

    /// <inheritdoc/>
    public int CompareTo(Grade other) => _offset.CompareTo(other._offset);

    /// <summary>The grade number as the files write it.</summary>
    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether two grades are the same.</summary>
    public static bool operator ==(Grade left, Grade right) => left.Equals(right);

    /// <summary>Whether two grades differ.</summary>
    public static bool operator !=(Grade left, Grade right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> is a lower grade.</summary>
    public static bool operator <(Grade left, Grade right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> is a higher grade.</summary>
    public static bool operator >(Grade left, Grade right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is the same or a lower grade.</summary>
    public static bool operator <=(Grade left, Grade right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is the same or a higher grade.</summary>
    public static bool operator >=(Grade left, Grade right) => left.CompareTo(right) >= 0;
}
