
namespace Pairing.Core.Generation;

/// <summary>One planned class: its grade number (7–12) and how many students it has (at least 1).</summary>
internal readonly record struct ClassPlan(int Grade, int Size);
