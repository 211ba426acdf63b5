using Pairing.Core.Findings;
using System.CommandLine;
using System.CommandLine.Parsing;
using Pairing.Core.Matching;

namespace Pairing.Cli.Commands;

/// <summary>
/// The matcher's options as command-line options, shared by <c>plan</c> and <c>match</c>. Values are checked by
/// <see cref="PairingOptions.Validate"/> itself and its findings reported under the option names, together with
/// any parse errors, so that every problem is listed at once.
/// </summary>
internal sealed class MatchingOptions
{
    private readonly (Option<int> Option, string Property, Action<PairingOptions, int> Set)[] _ints;
    private readonly Option<double> _workLimit = new("--work-limit")
    {
        Description = "Deterministic work limit per sub-problem (CP-SAT's deterministic seconds).",
        DefaultValueFactory = _ => new PairingOptions().WorkLimitPerSubproblem,
    };

    private readonly Option<bool> _relaxGrade = new("--relax-grade")
    {
        Description = "Relax P5: pair a class with the nearest grade when the paired school has no class of its own grade.",
    };

    private readonly Option<bool> _continuityFirst = new("--continuity-first")
    {
        Description = "With --previous: keep last year's pairs before covering students (the summary says how many students that leaves out).",
    };

    public MatchingOptions()
    {
        var defaults = new PairingOptions();
        _ints =
        [
            (Int("--threads", "Sub-problems solved at once; -1 for every core. The result does not depend on it.", defaults.MaxDegreeOfParallelism),
                nameof(PairingOptions.MaxDegreeOfParallelism), (o, v) => o.MaxDegreeOfParallelism = v),
            (Int("--seed", "Seed for tie-breaking; the same seed and input give byte-identical results.", defaults.Seed),
                nameof(PairingOptions.Seed), (o, v) => o.Seed = v),
            (Int("--counties-per-inland-county", "Xinjiang counties one inland county may take.", defaults.XinjiangCountiesPerInlandCounty),
                nameof(PairingOptions.XinjiangCountiesPerInlandCounty), (o, v) => o.XinjiangCountiesPerInlandCounty = v),
            (Int("--schools-per-inland-school", "Xinjiang schools one inland school may take.", defaults.XinjiangSchoolsPerInlandSchool),
                nameof(PairingOptions.XinjiangSchoolsPerInlandSchool), (o, v) => o.XinjiangSchoolsPerInlandSchool = v),
            (Int("--same-gender-weight", "Weight of pairing students of the same gender (0 turns it off).", defaults.SameGenderWeight),
                nameof(PairingOptions.SameGenderWeight), (o, v) => o.SameGenderWeight = v),
            (Int("--interest-weight", "Weight of shared interests.", defaults.SharedInterestWeight),
                nameof(PairingOptions.SharedInterestWeight), (o, v) => o.SharedInterestWeight = v),
            (Int("--language-weight", "Weight of a shared language.", defaults.SameLanguageWeight),
                nameof(PairingOptions.SameLanguageWeight), (o, v) => o.SameLanguageWeight = v),
            (Int("--birth-year-weight", "Weight of close birth years.", defaults.CloseBirthYearWeight),
                nameof(PairingOptions.CloseBirthYearWeight), (o, v) => o.CloseBirthYearWeight = v),
        ];
    }

    public IEnumerable<Option> All => [.. _ints.Select(i => (Option)i.Option), _workLimit, _relaxGrade, _continuityFirst];

    /// <summary>Adds the options to a command, with a validator that reports the library's own checks.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            var options = new PairingOptions();
            var given = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (option, property, set) in _ints)
            {
                if (OptionValues.TryGet(result, option, out var value))
                {
                    set(options, value);
                    given[property] = option.Name;
                }
            }

            if (OptionValues.TryGet(result, _workLimit, out var limit))
            {
                options.WorkLimitPerSubproblem = limit;
                given[nameof(PairingOptions.WorkLimitPerSubproblem)] = _workLimit.Name;
            }

            foreach (var failure in options.Validate())
            {
                // Name the option as the user typed it (--seed), not the property, by its data, never its text.
                var named = failure.Subject is { } subject && given.TryGetValue(subject.Id, out var flag)
                    ? new Finding(failure.Descriptor, failure.Severity, failure.Subject, failure.Location,
                        failure.Arguments.Select(a => a.Name == "option" ? FindingArgument.Of("option", flag) : a))
                    : failure;
                result.AddError(FindingRenderer.Default.Render(named));
            }
        });
    }

    public PairingOptions Read(ParseResult parsed)
    {
        var options = new PairingOptions();
        foreach (var (option, _, set) in _ints)
        {
            set(options, parsed.GetValue(option));
        }

        options.WorkLimitPerSubproblem = parsed.GetValue(_workLimit);
        options.RelaxGradeToNearest = parsed.GetValue(_relaxGrade);
        options.ContinuityFirst = parsed.GetValue(_continuityFirst);
        return options;
    }

    private static Option<int> Int(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
    };
}
