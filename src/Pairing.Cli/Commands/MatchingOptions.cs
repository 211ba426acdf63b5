using System.CommandLine;
using System.CommandLine.Parsing;
using Pairing.Core.Findings;
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
    private readonly Option<double> _workLimit = CliOptions.Double("--work-limit", Strings.OptWorkLimit, new PairingOptions().WorkLimitPerSubproblem, "SECONDS");

    private readonly Option<bool> _relaxGrade = new("--relax-grade") { Description = Strings.OptRelaxGrade };

    private readonly Option<bool> _continuityFirst = new("--continuity-first") { Description = Strings.OptContinuityFirst };
    private readonly Option<string> _continuity = Objective();
    private readonly Option<bool> _strictP4 = new("--strict-p4") { Description = Strings.OptStrictP4 };

    public MatchingOptions()
    {
        var defaults = new PairingOptions();
        _ints =
        [
            (CliOptions.Int("--threads", Strings.OptThreads, defaults.MaxDegreeOfParallelism),
                nameof(PairingOptions.MaxDegreeOfParallelism), (o, v) => o.MaxDegreeOfParallelism = v),
            (CliOptions.Int("--seed", Strings.OptMatchSeed, defaults.Seed),
                nameof(PairingOptions.Seed), (o, v) => o.Seed = v),
            (CliOptions.Int("--counties-per-inland-county", Strings.OptCountiesPerInlandCounty, defaults.XinjiangCountiesPerInlandCounty, "K"),
                nameof(PairingOptions.XinjiangCountiesPerInlandCounty), (o, v) => o.XinjiangCountiesPerInlandCounty = v),
            (CliOptions.Int("--schools-per-inland-school", Strings.OptSchoolsPerInlandSchool, defaults.XinjiangSchoolsPerInlandSchool, "K"),
                nameof(PairingOptions.XinjiangSchoolsPerInlandSchool), (o, v) => o.XinjiangSchoolsPerInlandSchool = v),
            (CliOptions.Int("--same-gender-weight", Strings.OptSameGenderWeight, defaults.SameGenderWeight, "W"),
                nameof(PairingOptions.SameGenderWeight), (o, v) => o.SameGenderWeight = v),
            (CliOptions.Int("--interest-weight", Strings.OptInterestWeight, defaults.SharedInterestWeight, "W"),
                nameof(PairingOptions.SharedInterestWeight), (o, v) => o.SharedInterestWeight = v),
            (CliOptions.Int("--language-weight", Strings.OptLanguageWeight, defaults.SameLanguageWeight, "W"),
                nameof(PairingOptions.SameLanguageWeight), (o, v) => o.SameLanguageWeight = v),
            (CliOptions.Int("--birth-year-weight", Strings.OptBirthYearWeight, defaults.CloseBirthYearWeight, "W"),
                nameof(PairingOptions.CloseBirthYearWeight), (o, v) => o.CloseBirthYearWeight = v),
        ];
    }

    public IEnumerable<Option> All => [.. _ints.Select(i => (Option)i.Option), _workLimit, _relaxGrade, _continuity, _continuityFirst, _strictP4];

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
                result.AddError(CliOptions.Failure(failure, failure.Subject is { } subject && given.TryGetValue(subject.Id, out var flag) ? flag : null));
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
        options.Continuity = parsed.GetValue(_continuity) switch
        {
            "coverage-first" => ContinuityObjective.CoverageFirst,
            "continuity-first" => ContinuityObjective.ContinuityFirst,
            _ => ContinuityObjective.Balanced,
        };
        if (parsed.GetValue(_continuityFirst))
        {
            options.ContinuityFirst = true;
        }
        options.StrictP4 = parsed.GetValue(_strictP4);
        return options;
    }

    private static Option<string> Objective()
    {
        var option = new Option<string>("--continuity") { Description = Strings.OptContinuity, HelpName = "coverage-first|balanced|continuity-first" };
        option.AcceptOnlyFromAmong("coverage-first", "balanced", "continuity-first");
        return option;
    }
}
