using System.Runtime.ExceptionServices;

namespace Kam.Cli.Features.Shared;

/// <summary>Runs independent steps of a command side by side (a million rows take seconds on one core; the machine has more).</summary>
internal static class SideBySide
{
    /// <summary>
    /// Runs the steps side by side and returns their results in order; when steps fail, the first failing step's
    /// exception (in the order given) is rethrown unchanged, so the message does not depend on which finished first.
    /// </summary>
    /// <typeparam name="T">The result of a step.</typeparam>
    /// <param name="steps">The independent steps.</param>
    /// <returns>Each step's result, in the order of <paramref name="steps"/>.</returns>
    public static T[] Run<T>(params Func<T>[] steps)
    {
        var results = new T[steps.Length];
        var failures = new Exception?[steps.Length];
        Parallel.For(0, steps.Length, k =>
        {
            try
            {
                results[k] = steps[k]();
            }
            catch (Exception ex)
            {
                failures[k] = ex;
            }
        });
        foreach (var failure in failures)
        {
            if (failure is not null)
            {
                ExceptionDispatchInfo.Throw(failure);
            }
        }

        return results;
    }
}
