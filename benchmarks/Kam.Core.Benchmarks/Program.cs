using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Kam.Core.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
