using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Pairing.Core.Files.Tables;

/// <summary>Records one at a time, from a <see cref="CsvReader"/> or from a <see cref="CsvPipeline"/>.</summary>
internal interface ICsvRecords
{
    /// <summary>Reads the next record; false at the end of the text.</summary>
    bool TryRead(out CsvRecord record);
}

/// <summary>
/// A large file read on two cores (issue 27): a thread of its own decodes and tokenizes the text into
/// <see cref="CsvBatch"/>es while the caller's thread reads the rows, batch after batch in the file's order, so every
/// problem and row comes out exactly as a <see cref="CsvReader"/> alone gives them, whatever the thread count.
/// At most <see cref="Batches"/> batches exist: memory is a few hundred kilobytes whatever the file's size. An exception
/// of the tokenizing thread (a disk that fails) is thrown on the caller's thread after the records read before it.
/// Dispose stops the tokenizing thread and waits for it, so the bytes are not read after the caller is done.
/// </summary>
internal sealed class CsvPipeline : ICsvRecords, IDisposable
{
    /// <summary>The batches in flight: one being filled, one being read, and room for either side to run ahead.</summary>
    internal const int Batches = 4;

    private readonly BlockingCollection<CsvBatch> _full = new(new ConcurrentQueue<CsvBatch>());
    private readonly BlockingCollection<CsvBatch> _free = new(new ConcurrentQueue<CsvBatch>());
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private CsvBatch? _current;
    private int _slot;
    private bool _done;

    /// <param name="csv">The reader, positioned after the header; only the tokenizing thread uses it from here on.</param>
    /// <param name="batchChars">The text per batch (<see cref="CsvBatch.TextChars"/>; tests make it small).</param>
    /// <param name="inFormat">Which columns are the format's, for the batches' look at personal data (<see cref="CsvRecord.Plain"/>).</param>
    public CsvPipeline(CsvReader csv, int batchChars = CsvBatch.TextChars, bool[]? inFormat = null)
    {
        for (var i = 0; i < Batches; i++)
        {
            _free.Add(new CsvBatch(batchChars, inFormat));
        }

        // A thread of its own, not the pool's: the pool's threads may all be busy (a match beside the read), and the
        // execution context flows to it (the read's limits and cancellation are async-local).
        _thread = new Thread(() => Tokenize(csv)) { IsBackground = true, Name = "Pairing CSV tokenizer" };
        _thread.Start();
    }

    private void Tokenize(CsvReader csv)
    {
        CsvBatch? batch = null;
        try
        {
            batch = _free.Take(_stop.Token);
            while (csv.TryRead(out var record))
            {
                if (!csv.CopyTo(batch, record))
                {
                    _full.Add(batch);
                    batch = _free.Take(_stop.Token);
                    csv.CopyTo(batch, record); // an empty batch takes any record
                }

                if (record.Error is { StopsReading: true })
                {
                    break; // the reader stops here, as it does without this thread
                }
            }

            batch.Last = true;
            _full.Add(batch);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The reader stopped first (an exception of its own, or a cancelled read): nothing to hand over.
        }
#pragma warning disable CA1031 // Whatever the tokenizer meets is the reader's to throw, in its place in the file.
        catch (Exception e)
#pragma warning restore CA1031
        {
            batch ??= new CsvBatch(16);
            batch.Failure = ExceptionDispatchInfo.Capture(e);
            batch.Last = true;
            _full.Add(batch);
        }
    }

    public bool TryRead(out CsvRecord record)
    {
        while (!_done)
        {
            if (_current is { } current)
            {
                if (_slot < current.Count)
                {
                    record = current[_slot++];
                    return true;
                }

                if (current.Last)
                {
                    _done = true;
                    current.Failure?.Throw();
                    break;
                }

                current.Clear();
                _free.Add(current);
            }

            _current = _full.Take();
            _slot = 0;
        }

        record = default;
        return false;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
        _full.Dispose();
        _free.Dispose();
    }
}
