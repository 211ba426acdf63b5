using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// SHA-256 of a roster in a canonical order (counties by id, then each county's schools, each school's classes and
/// each class's students, all by id), so that the same roster gives the same hash whatever the order of its rows.
/// </summary>
internal static class RosterHash
{
    public static string Of(Roster roster)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new StringBuilder(1 << 16);
        void Flush(bool force)
        {
            if (text.Length < (1 << 15) && !force)
            {
                return;
            }

            var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
            var count = Encoding.UTF8.GetBytes(text.ToString(), bytes);
            hash.AppendData(bytes, 0, count);
            ArrayPool<byte>.Shared.Return(bytes);
            text.Clear();
        }

        var counties = Enumerable.Range(0, roster.CountyArray.Length)
            .OrderBy(c => roster.CountyArray[c].Id.Value, StringComparer.Ordinal);
        foreach (var c in counties)
        {
            var county = roster.CountyArray[c];
            text.Append("c\t").Append(county.Id.Value).Append('\t').Append(county.Side == Side.Xinjiang ? 'x' : 'i').Append('\t').Append(county.Unit).Append('\n');
            foreach (var s in roster.CountySchools.Of(c))
            {
                text.Append("s\t").Append(roster.SchoolArray[s].Id.Value).Append('\n');
                foreach (var k in roster.SchoolClasses.Of(s))
                {
                    var cls = roster.ClassArray[k];
                    text.Append("k\t").Append(cls.Id.Value).Append('\t').Append(cls.Grade.Number).Append('\t').Append(cls.Size).Append('\n');
                    foreach (var p in roster.ClassStudents.Of(k))
                    {
                        var st = roster.StudentArray[p];
                        text.Append("p\t").Append(st.Id.Value).Append('\t').Append((int)st.Gender).Append('\t')
                            .Append(st.BirthYear?.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(st.Language).Append('\t')
                            .AppendJoin(';', st.Interests).Append('\n');
                    }

                    Flush(false);
                }
            }
        }

        Flush(true);
        return "sha256:" + Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }
}
