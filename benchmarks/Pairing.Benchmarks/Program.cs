using BenchmarkDotNet.Running;
using Pairing.Benchmarks;

// `measure …` runs one job once with a stopwatch and the process's peak working set, for the figures that
// BenchmarkDotNet does not report (peak memory of a whole run); everything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "measure")
{
    return Measure.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
