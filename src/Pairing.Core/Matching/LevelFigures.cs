namespace Pairing.Core.Matching;

/// <summary>What happened at one level of a pairing run.</summary>
/// <param name="Paired">Pairs made (each pairs one Xinjiang unit).</param>
/// <param name="Unpaired">Xinjiang units left without a partner (each listed in <c>unpaired.csv</c>).</param>
/// <param name="InlandSurplus">Inland units left over: surplus, not an error, and never listed.</param>
/// <param name="Kept">Of <paramref name="Paired"/>, the pairs kept from a given plan or previous result.</param>
public readonly record struct LevelFigures(int Paired, int Unpaired, int InlandSurplus, int Kept);
