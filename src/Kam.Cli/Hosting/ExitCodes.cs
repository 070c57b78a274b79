namespace Kam.Cli.Hosting;

/// <summary>The exit codes of <c>kam</c> (docs/cli.md lists them, and when each is returned).</summary>
internal static class ExitCodes
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when the command line itself is wrong (unknown command or option, parse error).</summary>
    public const int UsageError = 1;

    /// <summary>Exit code when an input was invalid or an output refused (the message names the field or file).</summary>
    public const int InvalidInput = 2;

    /// <summary>Exit code of a bug in kam (an unexpected exception); 70 is <c>EX_SOFTWARE</c> of BSD's sysexits.h.</summary>
    public const int InternalError = 70;
}
