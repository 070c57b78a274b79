using Kam.Cli.Reporting;
using Kam.Cli.Sample;
using Kam.Core;

namespace Kam.Cli.Features.Shared;

/// <summary>What each engine's part of <c>kam demo</c> runs on: the generated sample, the engines, and where to write.</summary>
/// <param name="Sample">The generated sample portfolio (deterministic).</param>
/// <param name="Services">The run's services (the composition root's): the engines, resolved as an embedding application does.</param>
/// <param name="Calendar">The fiscal calendar of the run.</param>
/// <param name="Output">Where the tables go (standard output, buffered).</param>
/// <param name="Report">The HTML report to add sections to, or <see langword="null"/> without <c>--out</c>.</param>
internal sealed record DemoContext(SampleDataSet Sample, IServiceProvider Services, FiscalCalendar Calendar, TextWriter Output, HtmlReport? Report)
{
    /// <summary>Writes a part's heading.</summary>
    /// <param name="title">The heading.</param>
    public void Heading(string title)
    {
        Output.WriteLine();
        Output.WriteLine(new string('=', Math.Min(100, title.Length + 6)));
        Output.WriteLine("== " + title);
        Output.WriteLine(new string('=', Math.Min(100, title.Length + 6)));
        Output.WriteLine();
    }
}
