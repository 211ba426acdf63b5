using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// SHA-256 of a roster in a canonical order (counties by id, then each county's schools, each school's classes and
/// each class's students, all by id), so that the same roster gives the same hash whatever the order of its rows.
/// </summary>
/// <remarks>
/// The hashed text is one line per unit: <c>c\tID\tx|i\tUNIT</c>, <c>s\tID</c>, <c>k\tID\tGRADE\tSIZE</c>,
/// <c>p\tID\tGENDER\tBIRTH_YEAR\tLANGUAGE\tINTERESTS</c> (interests joined by <c>;</c>, a missing value empty), in
/// UTF-8. It is encoded straight into one pooled buffer, never built as a string (a national roster is about 100 MB of
/// it), and a roster's hash is computed once: the matcher and the checker ask for the same roster's.
/// </remarks>
internal static class RosterHash
{
    private static readonly ConditionalWeakTable<Roster, string> Hashes = [];

    public static string Of(Roster roster) => Hashes.GetValue(roster, Compute);

    private static string Compute(Roster roster)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new Utf8Text(hash);
        try
        {
            var counties = Enumerable.Range(0, roster.CountyArray.Length)
                .OrderBy(c => roster.CountyArray[c].Id.Value, StringComparer.Ordinal);
            foreach (var c in counties)
            {
                var county = roster.CountyArray[c];
                text.Ascii("c\t").Text(county.Id.Value).Ascii('\t').Ascii(county.Side == Side.Xinjiang ? 'x' : 'i').Ascii('\t').Text(county.Unit).Ascii('\n');
                foreach (var s in roster.CountySchools.Of(c))
                {
                    text.Ascii("s\t").Text(roster.SchoolArray[s].Id.Value).Ascii('\n');
                    foreach (var k in roster.SchoolClasses.Of(s))
                    {
                        var cls = roster.ClassArray[k];
                        text.Ascii("k\t").Text(cls.Id.Value).Ascii('\t').Number(cls.Grade.Number).Ascii('\t').Number(cls.Size).Ascii('\n');
                        foreach (var p in roster.ClassStudents.Of(k))
                        {
                            var st = roster.StudentArray[p];
                            text.Ascii("p\t").Text(st.Id.Value).Ascii('\t').Number((int)st.Gender).Ascii('\t');
                            if (st.BirthYear is { } year)
                            {
                                text.Number(year);
                            }

                            text.Ascii('\t').Text(st.Language).Ascii('\t');
                            for (var i = 0; i < st.Interests.Length; i++)
                            {
                                if (i > 0)
                                {
                                    text.Ascii(';');
                                }

                                text.Text(st.Interests[i]);
                            }

                            text.Ascii('\n');
                        }
                    }
                }
            }

            text.Flush();
            return "sha256:" + Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
        }
        finally
        {
            text.Return();
        }
    }

    /// <summary>UTF-8 into a pooled buffer, handed to the hash a buffer at a time.</summary>
    private sealed class Utf8Text(IncrementalHash hash)
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        private int _at;

        public Utf8Text Ascii(char c)
        {
            Room(1);
            _buffer[_at++] = (byte)c;
            return this;
        }

        public Utf8Text Ascii(string s)
        {
            Room(s.Length);
            foreach (var c in s)
            {
                _buffer[_at++] = (byte)c;
            }

            return this;
        }

        public Utf8Text Text(string? s)
        {
            if (!string.IsNullOrEmpty(s))
            {
                // The vectorised transcoder without Encoding's per-call overhead (most strings are a dozen ASCII
                // characters); a lone surrogate becomes U+FFFD, as Encoding.UTF8 makes it.
                Room(s.Length * 3);
                System.Text.Unicode.Utf8.FromUtf16(s, _buffer.AsSpan(_at), out _, out var written);
                _at += written;
            }

            return this;
        }

        public Utf8Text Number(int value)
        {
            Room(11);
            Utf8Formatter.TryFormat(value, _buffer.AsSpan(_at), out var written);
            _at += written;
            return this;
        }

        public void Flush()
        {
            hash.AppendData(_buffer, 0, _at);
            _at = 0;
        }

        public void Return() => ArrayPool<byte>.Shared.Return(_buffer);

        private void Room(int bytes)
        {
            if (_at + bytes <= _buffer.Length)
            {
                return;
            }

            Flush();
            if (bytes > _buffer.Length)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(bytes);
            }
        }
    }
}
