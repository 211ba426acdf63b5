using Pairing.Core.Hierarchy;

namespace Pairing.Core.Tests.Hierarchy;

public sealed class IdTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    public void Ids_refuse_empty_or_padded_values(string value) => Assert.Throws<ArgumentException>(() => new StudentId(value));

    [Fact]
    public void Ids_compare_ordinally()
    {
        Assert.True(new SchoolId("B") < new SchoolId("a"));
        Assert.Equal(new CountyId("653128"), new CountyId("653128"));
        Assert.NotEqual(new ClassId("c1"), new ClassId("C1"));
    }
}
