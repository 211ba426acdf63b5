using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;

namespace Pairing.Core.Findings;

/// <summary>
/// One named, typed value of a <see cref="Finding"/>: a number, an id, a grade, a date or a term (an enum value) that the
/// finding's message shows and a program can read without parsing text.
/// </summary>
/// <remarks>
/// <see cref="Value"/> is a <see cref="string"/>, <see cref="int"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="Grade"/>, <see cref="DateOnly"/> or an enum value (rendered as a localised term). Immutable, with value
/// equality.
/// </remarks>
public readonly record struct FindingArgument
{
    /// <summary>Creates an argument.</summary>
    /// <param name="name">The argument's name, as the descriptor lists it and the message format uses it (<c>available</c>).</param>
    /// <param name="value">The value: a string, int, long, double, <see cref="Grade"/>, <see cref="DateOnly"/> or an enum value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is of another type.</exception>
    public FindingArgument(string name, object value)
    {
        Name = Guard.NotBlank(name);
        Value = Guard.NotNull(value);
        if (value is not (string or int or long or double or Grade or DateOnly or Enum))
        {
            Throw.Argument(nameof(value), $"is a {value.GetType().Name}; a finding argument is a string, int, long, double, Grade, DateOnly or enum value");
        }
    }

    /// <summary>The argument's name.</summary>
    public string Name { get; }

    /// <summary>The argument's value.</summary>
    public object Value { get; }

    /// <summary>Creates an argument (the short form for building findings).</summary>
    /// <param name="name">The argument's name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The argument.</returns>
    public static FindingArgument Of(string name, object value) => new(name, value);

    /// <summary><c>name=value</c>.</summary>
    public override string ToString() => $"{Name}={Value}";
}
