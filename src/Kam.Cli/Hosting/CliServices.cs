using Kam.Core.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Cli.Hosting;

/// <summary>
/// The composition root of <c>kam</c>: the one service provider of a run, built here and nowhere else, through
/// <c>AddKamCore</c> as an embedding application does, plus the <see cref="EngineFactory"/> for the engines whose rules
/// come from the command line. Every command obtains its engines from it.
/// </summary>
/// <remarks>
/// The provider is built on first use (most command lines, <c>--help</c> and parse errors, need no engine) and
/// disposed with the run.
/// </remarks>
internal sealed class CliServices : IServiceProvider, IDisposable
{
    private readonly Lazy<ServiceProvider> _provider = new(Build);

    /// <inheritdoc />
    public object? GetService(Type serviceType) => _provider.Value.GetService(serviceType);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_provider.IsValueCreated)
        {
            _provider.Value.Dispose();
        }
    }

    /// <summary>Registers Kam.Core with its default rules (fiscal years starting in January) and the CLI's engine factory.</summary>
    /// <returns>The provider.</returns>
    private static ServiceProvider Build() => new ServiceCollection()
        .AddKamCore(options => options.FiscalYearStartMonth = 1)
        .AddSingleton<EngineFactory>()
        .BuildServiceProvider();
}
