using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Pairing.Core.Excel.Internals;

/// <summary>What <see cref="XmlByteScanner.Read"/> stopped on.</summary>
internal enum XmlNode
{
    None,
    Element,
    EndElement,
    Text,
}

/// <summary>
/// A pull scanner over the UTF-8 bytes of one workbook part (a sheet, the shared strings): elements, end tags and
/// text, read from a window of the (inflating) stream, so memory holds the window and never the part. It does what a
/// SpreadsheetML reader needs of XML and no more: any namespace prefix (elements are matched by local name,
/// attributes by their qualified name, as <see cref="System.Xml.XmlReader.GetAttribute(string)"/> does), the five
/// predefined entities and character references, CDATA sections, comments and processing instructions skipped,
/// line ends normalised (CR LF and CR read as LF). It keeps the checks that matter for damaged input: every end tag
/// must close the element open, the part must not end inside an element, a DTD is refused, text must be valid UTF-8
/// without the control characters XML forbids, and no single tag or text may exceed <see cref="MaxTokenBytes"/>.
/// </summary>
/// <remarks>
/// Chosen over <see cref="System.Xml.XmlReader"/> for sheets and shared strings because a sheet of two million rows is
/// several hundred MB of XML whose cells are a few bytes each: the reader's per-node work (names, attributes as
/// strings, depth bookkeeping) cost more than inflating the bytes. A part that is not UTF-8 (a declared encoding, a
/// UTF-16 byte order mark) is left to <see cref="System.Xml.XmlReader"/>: see <see cref="IsUtf8"/>.
/// </remarks>
internal sealed class XmlByteScanner : IDisposable
{
    /// <summary>The longest tag or text read (16 MB): a cell holds at most 32,767 characters in Excel.</summary>
    public const int MaxTokenBytes = 16 << 20;

    private const int InitialBytes = 1 << 17;

    /// <summary>Bytes that take text off the fast path: an entity, a CR, a control character XML forbids.</summary>
    private static readonly SearchValues<byte> TextSpecials = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, (byte)'&']);

    /// <summary>As <see cref="TextSpecials"/>, and the white space an attribute value normalises to spaces.</summary>
    private static readonly SearchValues<byte> AttributeSpecials = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, (byte)'&', (byte)'<']);

    /// <summary>As <see cref="TextSpecials"/> without the '&amp;', which a CDATA section holds as itself.</summary>
    private static readonly SearchValues<byte> CdataSpecials = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]);

    private static readonly UTF8Encoding Utf8Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);


    private readonly Stream _stream;
    private readonly string _part;
    private byte[] _buffer;
    private int _pos;
    private int _end;
    private bool _eof;
    private long _consumed;

    // The current node: offsets into _buffer, valid until the next Read.
    private int _nameStart;
    private int _nameLength;
    private int _localStart;
    private int _textStart;
    private int _textEnd;
    private bool _cdata;
    private int[] _attributes = new int[32];
    private int _attributeCount;

    // The open elements' qualified names, end to end.
    private byte[] _names = new byte[256];
    private int _namesLength;
    private int[] _nameEnds = new int[16];
    private bool _seenRoot;

    private char[] _chars = new char[256];
    private int _charCount;

    /// <summary>Opens the scanner on a part's stream, which it owns.</summary>
    /// <param name="stream">The part's bytes.</param>
    /// <param name="part">The part's name, for messages.</param>
    public XmlByteScanner(Stream stream, string part)
    {
        _stream = stream;
        _part = part;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBytes);
        IsUtf8 = DetectUtf8();
    }

    /// <summary>Whether the part is UTF-8 (no other declared encoding, no UTF-16 byte order); when not, nothing may be read.</summary>
    public bool IsUtf8 { get; }

    /// <summary>How many bytes of the part are behind the scanner.</summary>
    public long Position => _consumed + _pos;

    /// <summary>What the scanner is on.</summary>
    public XmlNode Node { get; private set; }

    /// <summary>The number of elements open after the current node (an element includes itself; an empty element does not, nor does an end tag).</summary>
    public int Depth { get; private set; }

    /// <summary>Whether the current element is written <c>&lt;x/&gt;</c>.</summary>
    public bool IsEmptyElement { get; private set; }

    /// <summary>What <see cref="Number"/> counts, for messages (such as <c>row</c>): the scanner is at that one.</summary>
    public string? Unit { get; set; }

    /// <summary>The row (or string) the scanner is at, for messages; the caller keeps it current.</summary>
    public int Number { get; set; }

    /// <summary>The 0-based column of the cell the scanner is in, for messages; -1 outside a cell.</summary>
    public int Column { get; set; } = -1;

    /// <summary>The current element's (or end tag's) name without its prefix.</summary>
    public ReadOnlySpan<byte> LocalName => _buffer.AsSpan(_localStart, _nameLength - (_localStart - _nameStart));

    /// <summary>The current element's attributes.</summary>
    public int AttributeCount => _attributeCount;

    /// <summary>The qualified name of the current element's attribute <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> AttributeName(int index) => _buffer.AsSpan(_attributes[index * 4], _attributes[(index * 4) + 1]);

    /// <summary>The raw value (between the quotes) of the current element's attribute <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> AttributeValue(int index) => _buffer.AsSpan(_attributes[(index * 4) + 2], _attributes[(index * 4) + 3]);

    /// <summary>The current element's qualified name (with its prefix, if any).</summary>
    public ReadOnlySpan<byte> Name => _buffer.AsSpan(_nameStart, _nameLength);

    /// <summary>The text collected by <see cref="ReadContent"/> or <see cref="ReadRichText"/>.</summary>
    public ReadOnlySpan<char> Text => _chars.AsSpan(0, _charCount);

    public void Dispose()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        var buffer = _buffer;
        _buffer = [];
        ArrayPool<byte>.Shared.Return(buffer);
        _stream.Dispose();
    }

    /// <summary>Moves to the next element, end tag or text (CDATA included); comments and processing instructions are skipped.</summary>
    /// <returns>False at the part's end (which must not be inside an element).</returns>
    /// <exception cref="InvalidDataException">The XML is damaged.</exception>
    public bool Read()
    {
        while (true)
        {
            if (_pos >= _end && !Fill())
            {
                if (Depth > 0 || !_seenRoot)
                {
                    Fail(_seenRoot ? "the XML ends inside an element" : "the part holds no XML element");
                }

                Node = XmlNode.None;
                return false;
            }

            if (_buffer[_pos] != (byte)'<')
            {
                var n = Find((byte)'<', 0);
                if (n < 0)
                {
                    n = _end - _pos;
                }

                _textStart = _pos;
                _textEnd = _pos + n;
                _pos += n;
                _cdata = false;
                if (Depth == 0)
                {
                    if (_buffer.AsSpan(_textStart, n).IndexOfAnyExcept(" \t\r\n"u8) >= 0)
                    {
                        Fail("text outside the root element");
                    }

                    continue;
                }

                Node = XmlNode.Text;
                return true;
            }

            if (!Ensure(2))
            {
                Fail("the XML ends inside a tag");
            }

            switch (_buffer[_pos + 1])
            {
                case (byte)'/':
                    EndTag();
                    return true;
                case (byte)'?':
                    Skip("?>"u8, 2);
                    continue;
                case (byte)'!':
                    if (Ensure(4) && _buffer.AsSpan(_pos, 4).SequenceEqual("<!--"u8))
                    {
                        Skip("-->"u8, 4);
                        continue;
                    }

                    if (Ensure(9) && _buffer.AsSpan(_pos, 9).SequenceEqual("<![CDATA["u8))
                    {
                        if (Depth == 0)
                        {
                            Fail("a CDATA section outside the root element");
                        }

                        var end = FindSequence("]]>"u8, 9);
                        if (end < 0)
                        {
                            Fail("the XML ends inside a CDATA section");
                        }

                        _textStart = _pos + 9;
                        _textEnd = _pos + end;
                        _pos += end + 3;
                        _cdata = true;
                        Node = XmlNode.Text;
                        return true;
                    }

                    Fail("a document type or declaration (<!…) is not allowed in a workbook");
                    break;
                default:
                    StartTag();
                    return true;
            }
        }
    }

    /// <summary>Whether the current element's or end tag's local name is <paramref name="name"/>.</summary>
    public bool Is(ReadOnlySpan<byte> name) => LocalName.SequenceEqual(name);

    /// <summary>
    /// Reads the current element's text (the scanner on its start, not empty) into <see cref="Text"/>, leaving the
    /// scanner on its end tag; an element inside is damage, as <see cref="System.Xml.XmlReader.ReadElementContentAsString()"/> has it.
    /// </summary>
    public void ReadContent()
    {
        _charCount = 0;
        AppendContent();
    }

    /// <summary>
    /// Reads the text of an <c>si</c> or <c>is</c> element (the scanner on its start, not empty) into <see cref="Text"/>:
    /// its <c>t</c> runs, rich text runs included, phonetic guides (<c>rPh</c>) left out. Leaves the scanner on its end tag.
    /// </summary>
    public void ReadRichText()
    {
        _charCount = 0;
        var depth = Depth;
        while (Read() && Depth >= depth)
        {
            if (Node != XmlNode.Element || IsEmptyElement)
            {
                continue;
            }

            if (Is("rPh"u8))
            {
                SkipElement();
            }
            else if (Is("t"u8))
            {
                AppendContent();
            }
        }
    }

    /// <summary>
    /// The fast way through a cell: when the bytes after the current start tag (not empty) are exactly
    /// <paramref name="open"/>, text without markup, and <paramref name="close"/> (which ends with the current element's
    /// end tag), reads the text into <see cref="Text"/> and leaves the scanner on that end tag, as <see cref="Read"/>
    /// would have, node by node; otherwise reads nothing and returns false.
    /// </summary>
    /// <param name="open">Such as <c>&lt;v&gt;</c> or <c>&lt;is&gt;&lt;t&gt;</c>.</param>
    /// <param name="close">Such as <c>&lt;/v&gt;&lt;/c&gt;</c> or <c>&lt;/t&gt;&lt;/is&gt;&lt;/c&gt;</c>.</param>
    public bool TryReadSimple(ReadOnlySpan<byte> open, ReadOnlySpan<byte> close)
    {
        if (Depth == 0 || !Ensure(open.Length) || !_buffer.AsSpan(_pos, open.Length).SequenceEqual(open))
        {
            return false;
        }

        var lt = Find((byte)'<', open.Length);
        if (lt < 0 || !Ensure(lt + close.Length) || !_buffer.AsSpan(_pos + lt, close.Length).SequenceEqual(close))
        {
            return false;
        }

        // The close must end with the current element's end tag: </name>.
        var openStart = Depth <= 1 ? 0 : _nameEnds[Depth - 2];
        var current = _names.AsSpan(openStart, _nameEnds[Depth - 1] - openStart);
        var nameStart = _pos + lt + close.Length - 1 - current.Length;
        if (close.Length < current.Length + 3 || !_buffer.AsSpan(nameStart, current.Length).SequenceEqual(current)
            || _buffer[nameStart - 1] != (byte)'/' || _buffer[nameStart - 2] != (byte)'<')
        {
            return false;
        }

        _charCount = 0;
        AppendDecoded(_buffer.AsSpan(_pos + open.Length, lt - open.Length), attribute: false);
        _nameStart = nameStart;
        _nameLength = current.Length;
        var colon = current.IndexOf((byte)':');
        _localStart = nameStart + colon + 1;
        _pos += lt + close.Length;
        Pop();
        _attributeCount = 0;
        IsEmptyElement = false;
        Node = XmlNode.EndElement;
        return true;
    }

    /// <summary>Empties <see cref="Text"/>.</summary>
    public void ClearText() => _charCount = 0;

    /// <summary>Skips the current element (on its start, not empty) to its end tag.</summary>
    public void SkipElement()
    {
        var depth = Depth;
        while (Read() && Depth >= depth)
        {
        }
    }

    /// <summary>The next attribute of a tag's raw attributes from <paramref name="at"/> on; false when there is none left.</summary>
    /// <exception cref="InvalidDataException">The attributes are damaged.</exception>
    public bool NextAttribute(ReadOnlySpan<byte> attributes, ref int at, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        name = default;
        value = default;
        var rest = attributes[at..];
        var start = rest.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
        {
            at = attributes.Length;
            return false;
        }

        rest = rest[start..];
        var equals = rest.IndexOf((byte)'=');
        if (equals <= 0)
        {
            Fail("an attribute without a value");
        }

        name = rest[..equals].TrimEnd(" \t\r\n"u8);
        var afterEquals = rest[(equals + 1)..];
        var open = afterEquals.IndexOfAnyExcept(" \t\r\n"u8);
        if (open < 0 || afterEquals[open] is not ((byte)'"' or (byte)'\''))
        {
            Fail("an attribute value without quotes");
        }

        var quoted = afterEquals[(open + 1)..];
        var close = quoted.IndexOf(afterEquals[open]);
        if (close < 0)
        {
            Fail("an attribute value without its closing quote");
        }

        value = quoted[..close];
        at = attributes.Length - quoted.Length + close + 1;
        return true;
    }

    /// <summary>Whether an attribute's raw value reads as itself (no entity, no white space or control character to normalise).</summary>
    public static bool IsPlain(ReadOnlySpan<byte> value) => value.IndexOfAny(AttributeSpecials) < 0;

    /// <summary>An attribute's value as XML reads it: entities replaced, white space normalised to spaces.</summary>
    public string AttributeString(ReadOnlySpan<byte> value)
    {
        if (IsPlain(value))
        {
            return Decode(value);
        }

        var start = _charCount;
        AppendDecoded(value, attribute: true);
        var text = new string(_chars, start, _charCount - start);
        _charCount = start;
        return text;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(string what)
    {
        var where = Unit is null ? string.Empty
            : Column < 0 ? string.Create(CultureInfo.InvariantCulture, $" at {Unit} {Number}")
            : string.Create(CultureInfo.InvariantCulture, $" at {Unit} {Number}, column {Pairing.Core.Findings.FindingLocation.ColumnLetters(Column + 1)}");
        throw new InvalidDataException($"{_part} is damaged{where}: {what}");
    }

    private string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Utf8Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Fail("text that is not valid UTF-8");
            return string.Empty;
        }
    }

    private void AppendContent()
    {
        var depth = Depth;
        while (Read())
        {
            if (Node == XmlNode.Text)
            {
                AppendDecoded(_buffer.AsSpan(_textStart, _textEnd - _textStart), attribute: false, _cdata);
            }
            else if (Node == XmlNode.Element)
            {
                Fail("an element inside a value where text was expected");
            }
            else if (Depth < depth)
            {
                return;
            }
        }
    }

    private void AppendDecoded(ReadOnlySpan<byte> raw, bool attribute, bool cdata = false)
    {
        var specials = attribute ? AttributeSpecials : TextSpecials;
        while (raw.Length > 0)
        {
            var next = raw.IndexOfAny(cdata ? CdataSpecials : specials);
            var plain = next < 0 ? raw : raw[..next];
            AppendUtf8(plain);
            if (next < 0)
            {
                return;
            }

            var b = raw[next];
            raw = raw[(next + 1)..];
            switch (b)
            {
                case (byte)'&':
                    raw = AppendEntity(raw);
                    break;
                case 0x0D:
                    // CR LF and a lone CR are one line end, LF (a space in an attribute).
                    if (raw.Length > 0 && raw[0] == 0x0A)
                    {
                        raw = raw[1..];
                    }

                    AppendChar(attribute ? ' ' : '\n');
                    break;
                case 9 or 0x0A:
                    AppendChar(' ');
                    break;
                case (byte)'<':
                    Fail("a '<' in an attribute value");
                    break;
                default:
                    Fail(string.Create(CultureInfo.InvariantCulture, $"the control character U+{b:X4}, which XML does not allow"));
                    break;
            }
        }
    }

    private ReadOnlySpan<byte> AppendEntity(ReadOnlySpan<byte> raw)
    {
        var semicolon = raw[..Math.Min(raw.Length, 12)].IndexOf((byte)';');
        if (semicolon <= 0)
        {
            Fail("an '&' that starts no entity");
        }

        var name = raw[..semicolon];
        switch (name)
        {
            case [(byte)'a', (byte)'m', (byte)'p']:
                AppendChar('&');
                break;
            case [(byte)'l', (byte)'t']:
                AppendChar('<');
                break;
            case [(byte)'g', (byte)'t']:
                AppendChar('>');
                break;
            case [(byte)'q', (byte)'u', (byte)'o', (byte)'t']:
                AppendChar('"');
                break;
            case [(byte)'a', (byte)'p', (byte)'o', (byte)'s']:
                AppendChar('\'');
                break;
            case [(byte)'#', (byte)'x', .. var hex] when hex.Length > 0 && int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                AppendCodePoint(code);
                break;
            case [(byte)'#', .. var digits] when digits.Length > 0 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var code):
                AppendCodePoint(code);
                break;
            default:
                Fail($"the entity '&{Encoding.UTF8.GetString(name)};', which is not one XML defines");
                break;
        }

        return raw[(semicolon + 1)..];
    }

    private void AppendCodePoint(int code)
    {
        // XML 1.0's characters: tab, LF, CR, and from space on, without surrogates, U+FFFE and U+FFFF.
        if (!(code is 9 or 0x0A or 0x0D or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF)))
        {
            Fail(string.Create(CultureInfo.InvariantCulture, $"a reference to U+{code:X4}, which XML does not allow"));
        }

        if (code < 0x10000)
        {
            AppendChar((char)code);
        }
        else
        {
            var rune = new Rune(code);
            Span<char> pair = stackalloc char[2];
            rune.EncodeToUtf16(pair);
            AppendChar(pair[0]);
            AppendChar(pair[1]);
        }
    }

    private void AppendChar(char c)
    {
        if (_charCount == _chars.Length)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        _chars[_charCount++] = c;
    }

    private void AppendUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        // UTF-8 never takes more chars than bytes.
        if (_chars.Length - _charCount < bytes.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + bytes.Length));
        }

        var status = Utf8.ToUtf16(bytes, _chars.AsSpan(_charCount), out _, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            Fail("text that is not valid UTF-8");
        }

        _charCount += written;
    }

    private void StartTag()
    {
        if (_seenRoot && Depth == 0)
        {
            Fail("a second root element");
        }

        // Parsed in one pass over the bytes (tags are short); when the tag runs past what is read, read on and parse again.
        while (!TryStartTag())
        {
            if (!Fill())
            {
                Fail("the XML ends inside a tag");
            }
        }
    }

    private bool TryStartTag()
    {
        var b = _buffer;
        var end = _end;
        var i = _pos + 1;
        var nameStart = i;
        if (!TryName(b, end, ref i, out var colon, out var c))
        {
            return false;
        }

        var nameLength = i - nameStart;
        if (nameLength == 0)
        {
            Fail("a '<' that starts no element");
        }

        var count = 0;
        bool empty;
        while (true)
        {
            while (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                if (++i >= end)
                {
                    return false;
                }

                c = b[i];
            }

            if (c == (byte)'>')
            {
                empty = false;
                i++;
                break;
            }

            if (c == (byte)'/')
            {
                if (i + 1 >= end)
                {
                    return false;
                }

                if (b[i + 1] != (byte)'>')
                {
                    Fail("a '/' inside a tag");
                }

                empty = true;
                i += 2;
                break;
            }

            var attributeName = i;
            while (c is not ((byte)'=' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'>' or (byte)'/'))
            {
                if (++i >= end)
                {
                    return false;
                }

                c = b[i];
            }

            var attributeNameLength = i - attributeName;
            while (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                if (++i >= end)
                {
                    return false;
                }

                c = b[i];
            }

            if (c != (byte)'=' || attributeNameLength == 0)
            {
                Fail("an attribute without a value");
            }

            do
            {
                if (++i >= end)
                {
                    return false;
                }

                c = b[i];
            }
            while (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

            if (c is not ((byte)'"' or (byte)'\''))
            {
                Fail("an attribute value without quotes");
            }

            var valueStart = i + 1;
            var length = b.AsSpan(valueStart, end - valueStart).IndexOf(c);
            if (length < 0)
            {
                return false;
            }

            if (count * 4 == _attributes.Length)
            {
                Array.Resize(ref _attributes, _attributes.Length * 2);
            }

            _attributes[count * 4] = attributeName;
            _attributes[(count * 4) + 1] = attributeNameLength;
            _attributes[(count * 4) + 2] = valueStart;
            _attributes[(count * 4) + 3] = length;
            count++;
            i = valueStart + length + 1;
            if (i >= end)
            {
                return false;
            }

            c = b[i];
        }

        _attributeCount = count;
        _nameStart = nameStart;
        _nameLength = nameLength;
        _localStart = colon < 0 ? nameStart : colon + 1;
        IsEmptyElement = empty;
        if (!empty)
        {
            Push(b.AsSpan(nameStart, nameLength));
        }

        _seenRoot = true;
        _pos = i;
        Node = XmlNode.Element;
        return true;
    }

    /// <summary>
    /// A tag's name from <paramref name="i"/> to the first white space, '/' or '>' (<paramref name="stop"/>, left at
    /// <paramref name="i"/>), with its first colon (-1: none); false when the bytes read end first.
    /// </summary>
    private static bool TryName(byte[] b, int end, ref int i, out int colon, out byte stop)
    {
        colon = -1;
        while (i < end)
        {
            stop = b[i];
            if (stop is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'/' or (byte)'>')
            {
                return true;
            }

            if (stop == (byte)':' && colon < 0)
            {
                colon = i;
            }

            i++;
        }

        stop = 0;
        return false;
    }

    private void EndTag()
    {
        while (!TryEndTag())
        {
            if (!Fill())
            {
                Fail("the XML ends inside an end tag");
            }
        }
    }

    private bool TryEndTag()
    {
        var b = _buffer;
        var end = _end;
        var i = _pos + 2;
        var nameStart = i;
        if (!TryName(b, end, ref i, out var colon, out var c))
        {
            return false;
        }

        var name = b.AsSpan(nameStart, i - nameStart);
        while (c != (byte)'>')
        {
            if (c is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                Fail($"an end tag </{Encoding.UTF8.GetString(name)}> with more than a name");
            }

            if (++i >= end)
            {
                return false;
            }

            c = b[i];
        }

        if (Depth == 0)
        {
            Fail($"the end tag </{Encoding.UTF8.GetString(name)}> closes no element");
        }

        var openStart = Depth == 1 ? 0 : _nameEnds[Depth - 2];
        var open = _names.AsSpan(openStart, _nameEnds[Depth - 1] - openStart);
        if (!name.SequenceEqual(open))
        {
            Fail($"the end tag </{Encoding.UTF8.GetString(name)}> where </{Encoding.UTF8.GetString(open)}> was expected");
        }

        Pop();
        _nameStart = nameStart;
        _nameLength = name.Length;
        _localStart = colon < 0 ? nameStart : colon + 1;
        IsEmptyElement = false;
        _attributeCount = 0;
        _pos = i + 1;
        Node = XmlNode.EndElement;
        return true;
    }

    private void Pop()
    {
        Depth--;
        _namesLength = Depth == 0 ? 0 : _nameEnds[Depth - 1];
    }

    private void Push(ReadOnlySpan<byte> name)
    {
        if (_namesLength + name.Length > _names.Length)
        {
            Array.Resize(ref _names, Math.Max(_names.Length * 2, _namesLength + name.Length));
        }

        if (Depth == _nameEnds.Length)
        {
            Array.Resize(ref _nameEnds, _nameEnds.Length * 2);
        }

        name.CopyTo(_names.AsSpan(_namesLength));
        _namesLength += name.Length;
        _nameEnds[Depth++] = _namesLength;
    }

    private void Skip(ReadOnlySpan<byte> end, int from)
    {
        var at = FindSequence(end, from);
        if (at < 0)
        {
            Fail("the XML ends inside a comment or processing instruction");
        }

        _pos += at + end.Length;
    }

    /// <summary>The offset from <see cref="_pos"/> of <paramref name="value"/>, reading on as needed; -1 at the part's end.</summary>
    private int Find(byte value, int from)
    {
        while (true)
        {
            var k = _buffer.AsSpan(_pos + from, _end - _pos - from).IndexOf(value);
            if (k >= 0)
            {
                return from + k;
            }

            from = _end - _pos;
            if (!Fill())
            {
                return -1;
            }
        }
    }

    private int FindSequence(ReadOnlySpan<byte> value, int from)
    {
        while (true)
        {
            var k = _buffer.AsSpan(_pos + from, _end - _pos - from).IndexOf(value);
            if (k >= 0)
            {
                return from + k;
            }

            from = Math.Max(from, _end - _pos - value.Length + 1);
            if (!Fill())
            {
                return -1;
            }
        }
    }

    /// <summary>Makes at least <paramref name="count"/> bytes from <see cref="_pos"/> available, if the part has them.</summary>
    private bool Ensure(int count)
    {
        while (_end - _pos < count)
        {
            if (!Fill())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads more of the part behind what is left unread, moving that to the buffer's start (and growing it for a long token).</summary>
    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        if (_pos > 0)
        {
            _consumed += _pos;
            _buffer.AsSpan(_pos, _end - _pos).CopyTo(_buffer);
            _end -= _pos;
            _pos = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxTokenBytes)
            {
                Fail(string.Create(CultureInfo.InvariantCulture, $"a tag or text longer than {MaxTokenBytes / (1 << 20)} MB"));
            }

            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return false;
        }

        _end += read;
        return true;
    }

    /// <summary>Skips a UTF-8 byte order mark; false for UTF-16 or a declared encoding other than UTF-8.</summary>
    private bool DetectUtf8()
    {
        Ensure(4);
        var head = _buffer.AsSpan(_pos, _end - _pos);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _pos += 3;
            head = head[3..];
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
            || (head.Length >= 2 && (head[0] == 0 || head[1] == 0)))
        {
            return false;
        }

        if (!head.StartsWith("<?xml"u8))
        {
            return true;
        }

        var end = FindSequence("?>"u8, 5);
        if (end < 0)
        {
            return true; // Read reports the damage
        }

        var declaration = _buffer.AsSpan(_pos + 5, end - 5);
        var at = 0;
        while (NextAttribute(declaration, ref at, out var name, out var value))
        {
            if (name.SequenceEqual("encoding"u8))
            {
                return Ascii.EqualsIgnoreCase(value, "utf-8"u8) || Ascii.EqualsIgnoreCase(value, "utf8"u8);
            }
        }

        return true;
    }
}
