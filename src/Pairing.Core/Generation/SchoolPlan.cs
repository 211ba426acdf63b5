namespace Pairing.Core.Generation;

/// <summary>One planned school: its kind and its classes in grade order.</summary>
internal sealed class SchoolPlan(SchoolKind kind)
{
    public SchoolKind Kind { get; } = kind;

    public List<ClassPlan> Classes { get; } = [];

    public int Students => Classes.Sum(c => c.Size);

    /// <summary>The classes of one grade.</summary>
    public IEnumerable<ClassPlan> ClassesOf(int grade) => Classes.Where(c => c.Grade == grade);
}
