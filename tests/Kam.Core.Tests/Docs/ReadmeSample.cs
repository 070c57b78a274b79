// The code of README.md's "Embed it" section. ReadmeSampleTests keeps the two identical, so the README's sample
// always compiles and its results are checked.
#pragma warning disable IDE0008, CA1849
using Kam.Core.DependencyInjection;
using Kam.Core;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Kam.Core.Tests.Docs;

public static class ReadmeSample
{
    public static (FiscalPeriod Quarter, Money Commission, FiscalCalendar Calendar) Run()
    {
        // <readme>
        // With dependency injection: engines are singletons, options are validated at start-up.
        using var services = new ServiceCollection()
            .AddKamCore(options => options.FiscalYearStartMonth = 4)
            .BuildServiceProvider();
        var calendar = services.GetRequiredService<FiscalCalendar>();

        // Without: the same immutable types, constructed directly.
        var quarter = new FiscalCalendar(firstMonth: 4).PeriodOf(new LocalDate(2026, 11, 23), PeriodKind.Quarter);

        // Money is a decimal in one currency; mixing currencies throws; rounding is always explicit.
        var sales = Money.Of(1_234_567.89m, "CNY");
        var commission = (sales * Percentage.FromPercent(8.5m)).Round(MidpointRounding.ToEven);
        // </readme>
        return (quarter, commission, calendar);
    }
}
