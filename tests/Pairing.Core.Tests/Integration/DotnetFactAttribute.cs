namespace Pairing.Core.Tests.Integration;

/// <summary>A fact that needs the <c>dotnet</c> command on PATH, and is skipped only where it is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class DotnetFactAttribute : FactAttribute
{
    public DotnetFactAttribute()
    {
        if (Dotnet.Path is null)
        {
            Skip = "the dotnet command is not on PATH";
        }
    }
}
