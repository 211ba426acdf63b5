namespace Pairing.Core.Matching.Internals;

/// <summary>
/// A candidate pair of a bipartite sub-problem: what choosing it gains (more is better) and costs (less is better,
/// after gain). With last year's pairs in play, <paramref name="Keep"/> is what it keeps of them and
/// <paramref name="Cover"/> the students it covers, so that a solver can order the aims coverage, continuity, then
/// <paramref name="Gain"/> (or continuity first, when the options say so); both are 0 otherwise.
/// </summary>
internal readonly record struct Arc(int Left, int Right, long Gain, long Cost, long Cover = 0, long Keep = 0);
