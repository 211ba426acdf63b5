namespace Pairing.Core.Activities;

/// <summary>The two school holidays in which unity camps are held (寒暑假, A5).</summary>
public enum HolidayKind
{
    /// <summary><c>winter</c>: the winter holiday (寒假), by default 15 January – 28 February.</summary>
    Winter = 1,

    /// <summary><c>summer</c>: the summer holiday (暑假), by default 1 July – 31 August.</summary>
    Summer,
}
