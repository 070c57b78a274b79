using Kam.Cli.Features.Shared;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// The side-by-side steps of a command (the tier engines, the measure columns): results come back in the order the
/// steps were given, and of several failures the first step's is the one reported, whichever finished first.
/// </summary>
public sealed class SideBySideTests
{
    [Fact]
    public void Results_come_back_in_the_order_of_the_steps()
    {
        var results = SideBySide.Run(
            () => { Thread.Sleep(50); return "first"; },
            () => "second",
            () => "third");

        Assert.Equal(["first", "second", "third"], results);
    }

    [Fact]
    public void Of_several_failures_the_first_step_s_is_rethrown_even_when_it_fails_last()
    {
        using var secondFailed = new ManualResetEventSlim();
        var ex = Assert.Throws<KamValidationException>(() => SideBySide.Run<int>(
            () => { secondFailed.Wait(TimeSpan.FromSeconds(10)); throw new KamValidationException("first", KamErrorCodes.InvalidFormat, null, "the first step"); },
            () =>
            {
                try
                {
                    throw new InvalidOperationException("the second step");
                }
                finally
                {
                    secondFailed.Set();
                }
            }));

        Assert.Equal("first", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public void A_failure_keeps_its_own_stack_trace_and_type()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => SideBySide.Run<int>(() => 1, () => throw new InvalidOperationException("only this")));

        Assert.Equal("only this", ex.Message);
        Assert.Contains(nameof(A_failure_keeps_its_own_stack_trace_and_type), ex.StackTrace, StringComparison.Ordinal);
    }
}
