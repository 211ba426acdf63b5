namespace Pairing.Core.Matching;

/// <summary>
/// The programme's pairing rules, by id (P1–P7, as each member documents); the same ids appear in
/// <c>unpaired.csv</c> and in the checker's findings.
/// </summary>
public enum PairingRule
{
    /// <summary>P1: a Xinjiang county pairs only with a county of the supporting province its aided area is assigned to (对口支援).</summary>
    P1 = 1,

    /// <summary>P2: each Xinjiang county committee pairs with exactly one inland county committee (县级团委).</summary>
    P2 = 2,

    /// <summary>P3: every Xinjiang middle school gets exactly one paired school among the schools of its paired inland county.</summary>
    P3 = 3,

    /// <summary>P4: the paired inland school has no fewer classes and no fewer students than the Xinjiang school.</summary>
    P4 = 4,

    /// <summary>P5: classes pair with classes of the same grade (同年级班级结对).</summary>
    P5 = 5,

    /// <summary>P6: students pair one-to-one (一对一结对).</summary>
    P6 = 6,

    /// <summary>P7: full coverage: every Xinjiang school, class and student is paired, or the result says exactly why not.</summary>
    P7 = 7,
}
