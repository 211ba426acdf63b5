using Pairing.Core.Internals;

namespace Pairing.Core.Hierarchy;

/// <summary>A class (班级) of one grade in one school.</summary>
/// <remarks>Immutable; equality is by reference (a roster holds each class once).</remarks>
public sealed class SchoolClass
{
    /// <summary>The largest class size a roster accepts; no Chinese middle-school class comes near it.</summary>
    public const int MaxSize = 200;

    /// <summary>Creates a class.</summary>
    /// <param name="id">The class id.</param>
    /// <param name="schoolId">The school the class belongs to.</param>
    /// <param name="grade">The class's grade.</param>
    /// <param name="size">How many students the class has, 0 to <see cref="MaxSize"/>.</param>
    public SchoolClass(ClassId id, SchoolId schoolId, Grade grade, int size)
    {
        if (id.Value is null || schoolId.Value is null)
        {
            Throw.Argument(id.Value is null ? nameof(id) : nameof(schoolId), "must not be the default id");
        }

        Id = id;
        SchoolId = schoolId;
        Grade = grade;
        Size = Guard.InRange(size, 0, MaxSize);
    }

    /// <summary>The class id.</summary>
    public ClassId Id { get; }

    /// <summary>The school the class belongs to.</summary>
    public SchoolId SchoolId { get; }

    /// <summary>The class's grade.</summary>
    public Grade Grade { get; }

    /// <summary>How many students the class has: the <c>size</c> column, or the count of its students.</summary>
    public int Size { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} grade {Grade} ({Size})";
}
