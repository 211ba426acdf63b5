using System.Resources;
using Pairing.Core.Findings;

namespace Pairing.Core.Tests.Findings;

/// <summary>A catalogue of the tests' own, with messages in this assembly's resources, to pin the renderer's behaviour.</summary>
public static class SampleFindings
{
    private static readonly ResourceManager Messages = new("Pairing.Core.Tests.Findings.Resources.SampleMessages", typeof(SampleFindings).Assembly);

    public static FindingDescriptor ClassesShort { get; } =
        new("TST001", "test", FindingSeverity.Error, "P5", Messages, "inland", "grade", "available", "needed");

    public static FindingDescriptor Braces { get; } =
        new("TST002", "test", FindingSeverity.Warning, null, Messages, "level", "count");
}
