namespace Pairing.Core.Generation;

/// <summary>Which grades a generated school teaches.</summary>
internal enum SchoolKind
{
    /// <summary>A junior middle school (初级中学), grades 7–9; ids end in <c>J…</c>.</summary>
    Junior,

    /// <summary>A senior middle school (高级中学), grades 10–12; ids end in <c>S…</c>.</summary>
    Senior,

    /// <summary>A complete middle school (完全中学), grades 7–12; ids end in <c>C…</c>.</summary>
    Complete,
}
