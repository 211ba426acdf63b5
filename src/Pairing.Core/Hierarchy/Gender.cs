namespace Pairing.Core.Hierarchy;

/// <summary>A student's gender as the roster gives it; used only for the same-gender preference.</summary>
public enum Gender
{
    /// <summary>Not given (an empty <c>gender</c> cell).</summary>
    Unknown = 0,

    /// <summary>Female (<c>F</c>).</summary>
    Female = 1,

    /// <summary>Male (<c>M</c>).</summary>
    Male = 2,
}
