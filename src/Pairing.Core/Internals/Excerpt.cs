namespace Pairing.Core.Internals;

/// <summary>A value of the input as a message or a chart shows it: at most a given length, cut with "…".</summary>
internal static class Excerpt
{
    /// <summary>The length a message echoes of the input at most (issue 28: about 80 characters).</summary>
    public const int MessageChars = 80;

    public static string Of(string text, int max = MessageChars) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
