using System.Collections.Immutable;
using Pairing.Core.Internals;

namespace Pairing.Core.Hierarchy;

/// <summary>
/// A middle-school student (中学生), known only by a pseudonymous id and what pairing preferences use.
/// </summary>
/// <remarks>
/// Students are minors. The library never needs, and rosters refuse, names, addresses or ID-card numbers.
/// Immutable; equality is by reference (a roster holds each student once). What the preferences use (gender, birth
/// year, language, interests) is held in one shared object per distinct combination when the roster is read from files,
/// so that a student costs its id, its class and one reference.
/// </remarks>
public sealed class Student
{
    private readonly StudentTraits _traits;

    /// <summary>The lowest birth year a roster accepts.</summary>
    public const int MinBirthYear = 1950;

    /// <summary>The highest birth year a roster accepts.</summary>
    public const int MaxBirthYear = 2100;

    /// <summary>Creates a student.</summary>
    /// <param name="id">The student's pseudonymous id.</param>
    /// <param name="classId">The student's class.</param>
    /// <param name="gender">The student's gender, or <see cref="Gender.Unknown"/>.</param>
    /// <param name="birthYear">The birth year (no finer), when given.</param>
    /// <param name="language">The student's language (free text such as <c>zh</c> or <c>ug</c>), when given.</param>
    /// <param name="interests">The student's interests (free-text tags), possibly none.</param>
    public Student(
        StudentId id,
        ClassId classId,
        Gender gender = Gender.Unknown,
        int? birthYear = null,
        string? language = null,
        ImmutableArray<string> interests = default)
    {
        if (id.Value is null || classId.Value is null)
        {
            Throw.Argument(id.Value is null ? nameof(id) : nameof(classId), "must not be the default id");
        }

        if (birthYear is { } year)
        {
            Guard.InRange(year, MinBirthYear, MaxBirthYear, nameof(birthYear));
        }

        Id = id;
        ClassId = classId;
        _traits = new StudentTraits(gender, birthYear, string.IsNullOrEmpty(language) ? null : language, interests.IsDefault ? [] : interests);
    }

    /// <summary>A student whose traits were checked and are shared with other students (the file reader's, the generator's).</summary>
    internal Student(StudentId id, ClassId classId, StudentTraits traits)
    {
        Id = id;
        ClassId = classId;
        _traits = traits;
    }

    /// <summary>The student's pseudonymous id.</summary>
    public StudentId Id { get; }

    /// <summary>The student's class.</summary>
    public ClassId ClassId { get; }

    /// <summary>The student's gender, or <see cref="Gender.Unknown"/>.</summary>
    public Gender Gender => _traits.Gender;

    /// <summary>The birth year, when given.</summary>
    public int? BirthYear => _traits.BirthYear;

    /// <summary>The student's language, when given.</summary>
    public string? Language => _traits.Language;

    /// <summary>The student's interests; empty when none were given.</summary>
    public ImmutableArray<string> Interests => _traits.Interests;

    /// <inheritdoc/>
    public override string ToString() => Id.ToString();
}
