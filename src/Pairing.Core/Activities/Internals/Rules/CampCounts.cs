namespace Pairing.Core.Activities.Internals.Rules;

/// <summary>Camps held, valid, too small and outside the holidays (a camp can be both of the last two).</summary>
internal readonly record struct CampCounts(int Held, int Valid, int TooSmall, int Outside)
{
    public static CampCounts operator +(CampCounts a, CampCounts b) =>
        new(a.Held + b.Held, a.Valid + b.Valid, a.TooSmall + b.TooSmall, a.Outside + b.Outside);
}
