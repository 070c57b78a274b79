using Kam.Cli.Demo;

namespace Kam.Core.Tests.Value;

public sealed class ValueDemoTests
{
    [Fact]
    public void Demo_shows_the_largest_account_is_not_the_most_profitable_and_the_seed_figures()
    {
        using var output = new StringWriter();
        ValueDemo.Write(output);
        var text = output.ToString();

        Assert.Contains("Largest account A-STEEL ranks #3 by contribution; the most profitable is B-AUTO. Loss-making: D-NEW.", text);
        Assert.Contains("lifetime x2,", text);
        Assert.Contains("profit +100%", text);
        Assert.Contains("distribution +45% implies a base retention of 83.9%", text);
    }
}
