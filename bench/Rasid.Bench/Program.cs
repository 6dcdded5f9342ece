using System.CommandLine;
using Rasid.Bench.Commands;

// Benchmarks of Rasid (not tests): one command per file under Commands/. See docs/benchmarks.md.
var root = new RootCommand("Rasid.Bench: throughput, latency and scale benchmarks of Rasid (docs/benchmarks.md).")
{
    CorpusCommand.Create(),
    RatesCommand.Create(),
    StoreCommand.Create(),
    WebCommand.Create(),
    SoakCommand.Create(),
    WorkersCommand.Create(),
    StoreScaleCommand.Create(),
    SynthCommand.Create(),
    MicroCommand.Create(),
};

return BenchRunner.Run(root, args);
