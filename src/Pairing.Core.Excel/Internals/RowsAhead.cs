using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Pairing.Core.Files.Tables;

namespace Pairing.Core.Excel.Internals;

/// <summary>
/// A sheet's rows read on a second thread while the caller checks the rows before them: inflating and scanning the
/// XML on one core, the roster's checks on the other. The rows come in the sheet's order, in batches of a few
/// thousand, at most a few batches ahead, so memory stays a few batches, never the sheet; a damaged row's exception
/// reaches the caller after every row before it, as if read on the caller's thread.
/// </summary>
internal static class RowsAhead
{
    private const int BatchRows = 2048;
    private const int BatchesAhead = 4;

    /// <summary>The rows of <paramref name="rows"/>, read ahead on another thread; each row's cells valid until the next row, as the source's.</summary>
    public static IEnumerable<CellRow> Read(IEnumerable<CellRow> rows)
    {
        using var stop = new CancellationTokenSource();
        using var full = new BlockingCollection<Batch>(BatchesAhead);
        var empty = new ConcurrentBag<Batch>();
        var worker = Task.Factory.StartNew(() => Produce(rows, full, empty, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var view = new RowView();
        try
        {
            while (true)
            {
                var batch = full.Take(stop.Token);
                for (var i = 0; i < batch.Count; i++)
                {
                    view.Set(batch, i);
                    yield return new CellRow(batch.Numbers[i], view);
                }

                if (batch.Error is { } error)
                {
                    ExceptionDispatchInfo.Throw(error);
                }

                if (batch.Last)
                {
                    break;
                }

                batch.Clear();
                empty.Add(batch);
            }
        }
        finally
        {
            // The reader stops at once (a damaged row, a cancelled read, the caller done early) and closes its part
            // before the workbook may be closed.
            stop.Cancel();
            try
            {
                worker.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Cancelled; or failed, which the caller was told through the last batch.
            }
        }
    }

    private static void Produce(IEnumerable<CellRow> rows, BlockingCollection<Batch> full, ConcurrentBag<Batch> empty, CancellationToken stop)
    {
        var batch = empty.TryTake(out var reused) ? reused : new Batch();
        try
        {
            foreach (var row in rows)
            {
                batch.Add(row);
                if (batch.Count == BatchRows)
                {
                    full.Add(batch, stop);
                    batch = empty.TryTake(out reused) ? reused : new Batch();
                }
            }

            batch.Last = true;
            full.Add(batch, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The caller stopped reading.
        }
        catch (Exception e)
        {
            batch.Error = e;
            batch.Last = true;
            try
            {
                full.Add(batch, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The caller stopped reading.
            }
        }
    }

    /// <summary>Rows end to end: their numbers, where each one's cells start, and the cells.</summary>
    private sealed class Batch
    {
        public int[] Numbers { get; private set; } = new int[BatchRows];

        public int[] Starts { get; private set; } = new int[BatchRows + 1];

        public string[] Cells { get; private set; } = new string[BatchRows * 8];

        public int Count { get; private set; }

        public bool Last { get; set; }

        public Exception? Error { get; set; }

        public void Add(CellRow row)
        {
            var start = Starts[Count];
            var cells = row.Cells;
            if (start + cells.Count > Cells.Length)
            {
                var larger = Cells;
                Array.Resize(ref larger, Math.Max(Cells.Length * 2, start + cells.Count));
                Cells = larger;
            }

            for (var i = 0; i < cells.Count; i++)
            {
                Cells[start + i] = cells[i];
            }

            Numbers[Count] = row.Number;
            Starts[++Count] = start + cells.Count;
        }

        public void Clear()
        {
            Array.Clear(Cells, 0, Starts[Count]);
            Count = 0;
            Last = false;
            Error = null;
        }
    }

    /// <summary>One row of a batch as the cell list a <see cref="CellRow"/> holds, moved from row to row.</summary>
    private sealed class RowView : IReadOnlyList<string>
    {
        private string[] _cells = [];
        private int _start;

        public int Count { get; private set; }

        public string this[int index] => (uint)index < (uint)Count ? _cells[_start + index] : throw new ArgumentOutOfRangeException(nameof(index));

        public void Set(Batch batch, int row)
        {
            _cells = batch.Cells;
            _start = batch.Starts[row];
            Count = batch.Starts[row + 1] - _start;
        }

        public IEnumerator<string> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return _cells[_start + i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
