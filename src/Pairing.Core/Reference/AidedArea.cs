using Pairing.Core.Hierarchy;

namespace Pairing.Core.Reference;

/// <summary>
/// An aided area (受援地区): one row of the notice's attachment, a Xinjiang prefecture, county or XPCC unit that
/// one supporting province supports.
/// </summary>
/// <remarks>Immutable; equality is by reference (the support map holds each area once).</remarks>
public sealed class AidedArea
{
    internal AidedArea(
        AreaId id,
        string name,
        string noticeName,
        AidedAreaKind kind,
        string? prefectureCode,
        ProvinceId provinceId,
        string note)
    {
        Id = id;
        Name = name;
        NoticeName = noticeName;
        Kind = kind;
        PrefectureCode = prefectureCode;
        ProvinceId = provinceId;
        Note = note;
    }

    /// <summary>The 2014 GB/T 2260 code, or <c>XPCC-…</c> for an XPCC unit that had none.</summary>
    public AreaId Id { get; }

    /// <summary>The official name, such as 巴音郭楞蒙古自治州 or 岳普湖县.</summary>
    public string Name { get; }

    /// <summary>The name as the notice writes it, typos kept (喀什地区乐普湖县).</summary>
    public string NoticeName { get; }

    /// <summary>Whether the area is a whole prefecture, a county or an XPCC unit.</summary>
    public AidedAreaKind Kind { get; }

    /// <summary>The GB/T 2260 code of the prefecture the area lies in; <see langword="null"/> for XPCC units.</summary>
    public string? PrefectureCode { get; }

    /// <summary>The supporting province or city the notice assigns to the area.</summary>
    public ProvinceId ProvinceId { get; }

    /// <summary>A note on the notice's typos and later changes; empty when there is none.</summary>
    public string Note { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Name}";
}
