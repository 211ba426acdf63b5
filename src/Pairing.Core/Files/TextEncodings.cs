using System.Text;
using Pairing.Core.Internals;

namespace Pairing.Core.Files;

/// <summary>The <see cref="Encoding"/> of a <see cref="TextFileEncoding"/>, without any process-wide provider registration.</summary>
internal static class TextEncodings
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    // Through the provider's instance, as TextDecoding reads it, so that no Encoding.RegisterProvider is needed.
    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

    public static Encoding Of(TextFileEncoding encoding) => encoding switch
    {
        TextFileEncoding.Utf8WithBom => Utf8WithBom,
        TextFileEncoding.Gb18030 => Gb18030,
        _ => Throw.OutOfRange<Encoding>(nameof(encoding), encoding, "expected Utf8WithBom or Gb18030"),
    };
}
