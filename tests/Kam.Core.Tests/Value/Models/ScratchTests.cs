using Kam.Core.Value.Models;

namespace Kam.Core.Tests.Value.Models;

public sealed class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Trace()
    {
        var data = FrequencyRecencyData.FromSummaries(Cdnow.Summary());
        output.WriteLine($"rows {data.RowCount}");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var fit = new CustomerBaseModelFitter().FitParetoNbd(data, FitSettings.Default with { MaxIterations = 60 });
        output.WriteLine($"{sw.ElapsedMilliseconds} ms {fit.Diagnostics} {string.Join(", ", fit.Parameters)}");
        sw.Restart();
        var ll = new ParetoNbdModel(0.553, 10.58, 0.606, 11.67).LogLikelihood(data);
        output.WriteLine($"{sw.Elapsed.TotalMilliseconds} ms {ll.LogLikelihood} {string.Join(", ", ll.Gradient)}");
        var fit2 = new CustomerBaseModelFitter().FitBgNbd(data);
        output.WriteLine($"{fit2.Diagnostics} {string.Join(", ", fit2.Parameters)}");
    }
}
