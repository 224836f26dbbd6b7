using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Bot.Benchmarks -- --filter '*'   (figures: docs/performance.md)
BenchmarkSwitcher.FromAssembly(typeof(Bot.Benchmarks.EngineBenchmarks).Assembly).Run(args);
