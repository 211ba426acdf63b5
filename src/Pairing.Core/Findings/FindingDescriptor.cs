using System.Resources;
using Pairing.Core.Internals;

namespace Pairing.Core.Findings;

/// <summary>
/// What one kind of finding is: a stable code, the rule it concerns, its usual severity, the names of its arguments and
/// where its message lives (a .resx resource named after the code, with a zh-Hans translation).
/// </summary>
/// <remarks>
/// The model is Roslyn's <c>DiagnosticDescriptor</c>. Codes never change meaning once shipped; <see cref="FindingCatalog"/>
/// lists every code. Two descriptors are equal when their codes are (a code is defined once).
/// </remarks>
public sealed class FindingDescriptor : IEquatable<FindingDescriptor>
{
    /// <summary>Creates a descriptor.</summary>
    /// <param name="code">The stable code, such as <c>ROS014</c>: letters then digits.</param>
    /// <param name="category">What the code is about: <c>roster</c>, <c>unpaired</c>, <c>compliance</c>, <c>options</c>, ….</param>
    /// <param name="defaultSeverity">The severity findings of this kind have unless created with another.</param>
    /// <param name="rule">The programme rule id (P1–P7, A1–A7, S1–S4) the code concerns, or null when none does.</param>
    /// <param name="messages">The resources that hold the message format under the name <paramref name="code"/>.</param>
    /// <param name="argumentNames">The names of the arguments, exactly as the message format uses them (<c>{available}</c>).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The code is not letters then digits, or an argument name is blank or repeated.</exception>
    public FindingDescriptor(
        string code, string category, FindingSeverity defaultSeverity, string? rule, ResourceManager messages, params string[] argumentNames)
    {
        Code = Guard.NotBlank(code);
        if (!IsCode(code))
        {
            Throw.Argument(nameof(code), "must be capital letters followed by digits, such as ROS014");
        }

        Category = Guard.NotBlank(category);
        DefaultSeverity = defaultSeverity;
        Rule = rule;
        Messages = Guard.NotNull(messages);
        Guard.NotNull(argumentNames);
        if (argumentNames.Distinct(StringComparer.Ordinal).Count() != argumentNames.Length
            || argumentNames.Any(n => string.IsNullOrWhiteSpace(n)))
        {
            Throw.Argument(nameof(argumentNames), "must be distinct, non-blank names");
        }

        ArgumentNames = [.. argumentNames];
    }

    /// <summary>The stable code, such as <c>ROS014</c>.</summary>
    public string Code { get; }

    /// <summary>What the code is about: <c>roster</c>, <c>unpaired</c>, <c>compliance</c>, <c>options</c>, ….</summary>
    public string Category { get; }

    /// <summary>The severity findings of this kind have unless created with another.</summary>
    public FindingSeverity DefaultSeverity { get; }

    /// <summary>The programme rule id (P1–P7, A1–A7, S1–S4), or null.</summary>
    public string? Rule { get; }

    /// <summary>The names of the arguments a finding of this kind carries, in the order they are documented.</summary>
    public IReadOnlyList<string> ArgumentNames { get; }

    /// <summary>
    /// The arguments that hold a supporting province's id (GB/T 2260), rendered with the province's name beside the code
    /// (湖南省（430000）, Hunan (430000)): any argument named <c>province</c>, <c>xinjiangProvince</c> or
    /// <c>inlandProvince</c>, and those a catalogue names here, such as the <c>inland</c> unit of a county-level shortfall.
    /// </summary>
    internal IReadOnlySet<string> ProvinceArguments { get; init; } = DefaultProvinceArguments;

    internal static readonly IReadOnlySet<string> DefaultProvinceArguments =
        new HashSet<string>(["province", "xinjiangProvince", "inlandProvince"], StringComparer.Ordinal);

    /// <summary>The resources holding the message format (neutral English, with satellites such as zh-Hans).</summary>
    public ResourceManager Messages { get; }

    /// <summary>Creates a finding of this kind.</summary>
    /// <param name="subject">What it is about, if anything.</param>
    /// <param name="location">Where in the input it is, if anywhere.</param>
    /// <param name="arguments">Its arguments: exactly <see cref="ArgumentNames"/>, in any order.</param>
    /// <returns>The finding, with <see cref="DefaultSeverity"/>.</returns>
    /// <exception cref="ArgumentException">The arguments are not exactly <see cref="ArgumentNames"/>.</exception>
    public Finding Create(FindingSubject? subject, FindingLocation? location, params FindingArgument[] arguments) =>
        new(this, DefaultSeverity, subject, location, arguments);

    /// <inheritdoc/>
    public bool Equals(FindingDescriptor? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FindingDescriptor);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>The code.</summary>
    public override string ToString() => Code;

    private static bool IsCode(string code)
    {
        var i = 0;
        while (i < code.Length && code[i] is >= 'A' and <= 'Z')
        {
            i++;
        }

        if (i == 0 || i == code.Length)
        {
            return false;
        }

        for (; i < code.Length; i++)
        {
            if (code[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
