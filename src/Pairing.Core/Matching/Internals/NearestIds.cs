namespace Pairing.Core.Matching.Internals;

/// <summary>
/// The known ids nearest to an unknown one by edit distance (Levenshtein, ordinal characters), up to a count, nearest
/// first and then in ordinal order; ids further than about a third of the id's length are not near. Each id is
/// considered in one pass, without holding them all: a national roster has millions.
/// </summary>
internal sealed class NearestIds
{
    private readonly string _id;
    private readonly int _count;
    private readonly int _limit;
    private readonly List<(int Distance, string Id)> _best = [];
    private int[] _previous;
    private int[] _current;

    public NearestIds(string id, int count)
    {
        _id = id;
        _count = count;
        _limit = Math.Max(2, (id.Length + 2) / 3);
        _previous = new int[id.Length + 1];
        _current = new int[id.Length + 1];
    }

    public void Consider(string candidate)
    {
        var bound = _best.Count == _count ? Math.Min(_limit, _best[^1].Distance) : _limit;
        if (Math.Abs(candidate.Length - _id.Length) > bound)
        {
            return;
        }

        var distance = Distance(candidate, bound);
        if (distance > bound || _best.Exists(b => b.Id == candidate))
        {
            return;
        }

        var entry = (distance, candidate);
        var at = _best.FindIndex(b => b.Distance > distance || (b.Distance == distance && string.CompareOrdinal(b.Id, candidate) > 0));
        if (at < 0)
        {
            if (_best.Count == _count)
            {
                return;
            }

            _best.Add(entry);
        }
        else
        {
            _best.Insert(at, entry);
            if (_best.Count > _count)
            {
                _best.RemoveAt(_best.Count - 1);
            }
        }
    }

    public IReadOnlyList<string> Result() => [.. _best.Select(b => b.Id)];

    /// <summary>The edit distance, or anything above <paramref name="bound"/> once it is certain to exceed it.</summary>
    private int Distance(string candidate, int bound)
    {
        for (var j = 0; j <= _id.Length; j++)
        {
            _previous[j] = j;
        }

        for (var i = 1; i <= candidate.Length; i++)
        {
            _current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= _id.Length; j++)
            {
                var cost = candidate[i - 1] == _id[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(_current[j - 1] + 1, _previous[j] + 1), _previous[j - 1] + cost);
                _current[j] = d;
                rowMin = Math.Min(rowMin, d);
            }

            if (rowMin > bound)
            {
                return bound + 1;
            }

            (_previous, _current) = (_current, _previous);
        }

        return _previous[_id.Length];
    }
}
