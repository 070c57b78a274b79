using Kam.Core.DependencyInjection;
using Kam.Core.Compensation;
using Kam.Core.Performance;
using Microsoft.Extensions.DependencyInjection;
using static Kam.Core.Tests.Compensation.PaySamples;

namespace Kam.Core.Tests.Compensation;

public sealed class PayPlanJsonTests
{
    internal const string SamplePlan = """
        {
          // Base + commission on collected cash, as in docs/compensation.md
          "name": "Key-account manager",
          "currency": "CNY",
          "rounding": "AwayFromZero",
          "effectiveFrom": "2026-01-01",
          "components": [
            { "kind": "BaseSalary", "name": "Base salary", "monthly": "5000 CNY" },
            { "kind": "PerformancePay", "name": "Performance pay", "target": "1000 CNY",
              "gradeFactors": { "A": "120%", "B": "100%", "C": "60%", "D": "0%" } },
            { "kind": "Commission", "name": "Commission", "basis": "CollectedCash",
              "monthlyAdvance": "80%", "yearEndTrueUp": true, "clawbackWindowMonths": 6,
              "schedule": { "method": "Marginal", "measure": "Volume",
                "bands": [ { "from": 0, "to": 600000, "rate": "2%" }, { "from": 600000, "rate": "4%" } ] } },
            { "kind": "YearEndBonus", "name": "Year-end bonus", "target": "10000 CNY" },
            { "kind": "Allowance", "name": "Phone allowance", "monthly": "200 CNY" },
          ],
        }
        """;

    [Fact]
    public void The_documented_plan_loads_and_pays_like_the_one_built_in_code()
    {
        var plan = PayPlan.FromJson(SamplePlan);
        Assert.Equal(5, plan.Components.Count);
        Assert.Equal(CashPlan().Components.Select(c => c.Rule), plan.Components.Select(c => c.Rule));
        Assert.Equal(plan.ToJson(), PayPlan.FromJson(plan.ToJson()).ToJson());
    }

    [Theory]
    [InlineData("\"rate\": \"2%\"", "\"rate\": \"120%\"", KamErrorCodes.OutOfRange, "rate")]
    [InlineData("\"monthly\": \"5000 CNY\"", "\"monthly\": \"-5000 CNY\"", KamErrorCodes.OutOfRange, "$.components[0].monthly")]
    [InlineData("{ \"from\": 600000, \"rate\": \"4%\" }", "{ \"from\": 700000, \"rate\": \"4%\" }", KamErrorCodes.OutOfOrder, "$.components[2].schedule.bands[1].from")]
    [InlineData("{ \"from\": 600000, \"rate\": \"4%\" }", "{ \"from\": 500000, \"rate\": \"4%\" }", KamErrorCodes.OutOfOrder, "$.components[2].schedule.bands[1].from")]
    [InlineData("\"effectiveFrom\": \"2026-01-01\",", "\"effectiveFrom\": \"2026-01-01\", \"effectiveTo\": \"2025-12-31\",", KamErrorCodes.OutOfOrder, "$.effectiveTo")]
    [InlineData("\"monthly\": \"200 CNY\"", "\"monthly\": \"200 USD\"", KamErrorCodes.CurrencyMismatch, "$.components[4].monthly")]
    [InlineData("\"basis\": \"CollectedCash\",", "", KamErrorCodes.Required, "$.components[2].basis")]
    [InlineData("\"name\": \"Base salary\",", "\"name\": \"Base salary\", \"salary\": 1,", KamErrorCodes.JsonUnknownMember, "salary")]
    public void Bad_plans_are_refused_with_typed_errors_at_json_paths(string find, string replace, string code, string path)
    {
        Assert.Contains(find, SamplePlan, StringComparison.Ordinal);
        var ex = Assert.Throws<KamValidationException>(() => PayPlan.FromJson(SamplePlan.Replace(find, replace, StringComparison.Ordinal)));
        Assert.Contains(ex.Errors, e => e.Code == code && e.Path.Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public void AddKamCore_registers_the_engines_and_validates_the_pay_options()
    {
        using var provider = new ServiceCollection().AddKamCore(o => o.Pay = new PayOptions(plan: CashPlan())).BuildServiceProvider();
        Assert.IsType<AppraisalEngine>(provider.GetRequiredService<IAppraisalEngine>());
        Assert.Same(provider.GetRequiredService<IPayCalculator>(), provider.GetRequiredService<IPayCalculator>());
        Assert.NotNull(provider.GetRequiredService<PayOptions>().Plan);
        var ex = Assert.Throws<KamValidationException>(() => new PayOptions(rollUp: (RollUpRule)9));
        Assert.Equal("rollUp", ex.Errors[0].Path);
    }
}
