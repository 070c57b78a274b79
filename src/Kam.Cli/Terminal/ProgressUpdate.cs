namespace Kam.Cli.Terminal;

/// <summary>One report of long work's progress: what is being done and how far it got.</summary>
/// <param name="Activity">What is being done, e.g. <c>reading transactions.csv</c>, <c>fitting BG/NBD</c>.</param>
/// <param name="Completed">Units done so far (rows, bytes, iterations).</param>
/// <param name="Total">Units in all, or <see langword="null"/> when unknown (the bar then shows a count).</param>
internal readonly record struct ProgressUpdate(string Activity, long Completed, long? Total);
