using Pairing.Core.Internals;

namespace Pairing.Core.Findings;

/// <summary>
/// One outcome the library reports, as data: a roster problem, an unpaired unit's shortfall, a compliance result, an
/// options failure, a checker's verdict. It has a stable code (its <see cref="Descriptor"/>), a severity, the rule it
/// concerns, what it is about, where it is, and its numbers as named, typed arguments.
/// </summary>
/// <remarks>
/// Text is rendered from it, never the other way round: <see cref="FindingRenderer"/> turns it into a sentence in the
/// reader's language. Immutable; two findings are equal when their code, severity, subject, location and arguments are.
/// </remarks>
public sealed class Finding : IEquatable<Finding>
{
    private readonly FindingArgument[] _arguments;

    /// <summary>Creates a finding.</summary>
    /// <param name="descriptor">What kind of finding it is.</param>
    /// <param name="severity">Its severity (usually the descriptor's default).</param>
    /// <param name="subject">What it is about, if anything.</param>
    /// <param name="location">Where in the input it is, if anywhere.</param>
    /// <param name="arguments">Its arguments: exactly the descriptor's <see cref="FindingDescriptor.ArgumentNames"/>, in any order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="descriptor"/> or <paramref name="arguments"/> is null.</exception>
    /// <exception cref="ArgumentException">The arguments are not exactly the descriptor's argument names.</exception>
    public Finding(
        FindingDescriptor descriptor, FindingSeverity severity, FindingSubject? subject, FindingLocation? location, IEnumerable<FindingArgument> arguments)
    {
        Descriptor = Guard.NotNull(descriptor);
        Severity = severity;
        Subject = subject;
        Location = location;
        var given = Guard.NotNull(arguments).ToArray();
        var names = descriptor.ArgumentNames;
        _arguments = new FindingArgument[names.Count];
        var filled = 0;
        foreach (var argument in given)
        {
            var at = IndexOf(names, argument.Name);
            if (at < 0 || _arguments[at].Name is not null)
            {
                Throw.Argument(nameof(arguments), $"has '{argument.Name}', which {descriptor.Code} does not take or which is given twice; it takes {string.Join(", ", names)}");
            }

            _arguments[at] = argument;
            filled++;
        }

        if (filled != names.Count)
        {
            Throw.Argument(nameof(arguments), $"lacks some of {descriptor.Code}'s arguments: it takes {string.Join(", ", names)}");
        }
    }

    // The same finding about another subject, sharing the checked arguments (a national run lists 300,000 students
    // for one reason per class pair).
    private Finding(Finding like, FindingSubject? subject)
    {
        Descriptor = like.Descriptor;
        Severity = like.Severity;
        Subject = subject;
        Location = like.Location;
        _arguments = like._arguments;
    }

    /// <summary>This finding about another subject: its arguments are shared, not copied.</summary>
    internal Finding About(FindingSubject? subject) => new(this, subject);

    /// <summary>What kind of finding it is.</summary>
    public FindingDescriptor Descriptor { get; }

    /// <summary>The stable code, such as <c>ROS014</c> (<see cref="FindingCatalog"/> lists every code).</summary>
    public string Code => Descriptor.Code;

    /// <summary>The programme rule id (P1–P7, A1–A7, S1–S4) it concerns, or null.</summary>
    public string? Rule => Descriptor.Rule;

    /// <summary>How much it matters.</summary>
    public FindingSeverity Severity { get; }

    /// <summary>What it is about (level and id), if anything.</summary>
    public FindingSubject? Subject { get; }

    /// <summary>Where in the input it is (file or sheet, line, column, column name), if anywhere.</summary>
    public FindingLocation? Location { get; }

    /// <summary>Its arguments, in the descriptor's order.</summary>
    public IReadOnlyList<FindingArgument> Arguments => _arguments;

    /// <summary>The value of the named argument.</summary>
    /// <param name="name">The argument's name.</param>
    /// <exception cref="KeyNotFoundException">This finding's code has no argument of that name.</exception>
    public object this[string name]
    {
        get
        {
            var at = IndexOf(Descriptor.ArgumentNames, name);
            if (at < 0)
            {
                throw new KeyNotFoundException($"{Code} has no argument '{name}'; it has {string.Join(", ", Descriptor.ArgumentNames)}.");
            }

            return _arguments[at].Value;
        }
    }

    /// <summary>Reads the named argument as a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type expected.</typeparam>
    /// <param name="name">The argument's name.</param>
    /// <param name="value">The value, when there is such an argument of that type.</param>
    /// <returns>Whether there is.</returns>
    public bool TryGetArgument<T>(string name, out T value)
    {
        var at = IndexOf(Descriptor.ArgumentNames, name);
        if (at >= 0 && _arguments[at].Value is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>The finding on one line, in English: <c>classes.csv:12:3 (grade): error ROS014: …</c>.</summary>
    public override string ToString() => FindingRenderer.Default.RenderLine(this, FindingLanguage.English);

    /// <inheritdoc/>
    public bool Equals(Finding? other) =>
        other is not null
        && Descriptor.Equals(other.Descriptor)
        && Severity == other.Severity
        && Subject == other.Subject
        && Location == other.Location
        && _arguments.AsSpan().SequenceEqual(other._arguments);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Finding);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Descriptor);
        hash.Add(Severity);
        hash.Add(Subject);
        hash.Add(Location);
        foreach (var argument in _arguments)
        {
            hash.Add(argument);
        }

        return hash.ToHashCode();
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
