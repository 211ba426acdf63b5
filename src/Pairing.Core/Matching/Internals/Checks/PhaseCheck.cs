using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>CHK002–CHK003: a planning result pairs counties and schools only: class or student pairs in one are out of place, not skipped.</summary>
internal sealed class PhaseCheck(CheckContext context) : ResultCheck(context)
{
    protected override PairingLevel? Level => null;

    public void Check()
    {
        if (Result.Phase != PairingPhase.Planning)
        {
            return;
        }

        if (Result.ClassPairs.Count > 0)
        {
            Add(CheckFindings.PlanningHasPairs, ResultFileNames.ClassPairs, FileSubject(ResultFileNames.ClassPairs),
                A("count", Result.ClassPairs.Count), A("level", PairingLevel.Class));
        }

        if (Result.StudentPairs.Count > 0)
        {
            Add(CheckFindings.PlanningHasPairs, ResultFileNames.StudentPairs, FileSubject(ResultFileNames.StudentPairs),
                A("count", Result.StudentPairs.Count), A("level", PairingLevel.Student));
        }

        if (Result.Unpaired.Any(u => u.Level is PairingLevel.Class or PairingLevel.Student))
        {
            Add(CheckFindings.PlanningListsUnpaired, ResultFileNames.Unpaired, FileSubject(ResultFileNames.Unpaired));
        }
    }
}
