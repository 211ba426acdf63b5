using Pairing.Core.Hierarchy;

namespace Pairing.Core.Reference;

/// <summary>
/// One of the 19 provinces or cities that support Xinjiang (对口支援省市). Shenzhen (440300) supports on its
/// own, apart from Guangdong (440000).
/// </summary>
/// <remarks>Immutable; equality is by reference (the support map holds each province once).</remarks>
public sealed class SupportingProvince
{
    internal SupportingProvince(ProvinceId id, string name)
    {
        Id = id;
        Name = name;
    }

    /// <summary>The province's GB/T 2260 code (440300 for Shenzhen).</summary>
    public ProvinceId Id { get; }

    /// <summary>The official name, such as 北京市 or 深圳市.</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Name}";
}
