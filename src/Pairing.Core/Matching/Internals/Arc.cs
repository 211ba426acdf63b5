namespace Pairing.Core.Matching.Internals;

/// <summary>A candidate pair of a bipartite sub-problem: what choosing it gains (more is better) and costs (less is better, after gain).</summary>
internal readonly record struct Arc(int Left, int Right, long Gain, long Cost);
