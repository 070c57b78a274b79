using System.CommandLine;
using Kam.Cli;
using Kam.Cli.Hosting;
using Kam.Cli.Reporting;

namespace Kam.Core.Tests.Cli;

/// <summary>Runs the kam command line in-process, and a temporary folder for its files.</summary>
internal static class CliHarness
{
    /// <summary>Runs the shipped command line.</summary>
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = KamApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Runs the command line with stub engine handlers that record the request and print a one-table result, through
    /// kam's own error handling and buffering: checks the commands' parsing and validation alone.
    /// </summary>
    public static (int Exit, string Out, string Err, object? Request) RunWithEngineCommands(params string[] args) =>
        RunWithEngineCommands(interactive: false, args);

    /// <summary>As <see cref="RunWithEngineCommands(string[])"/>, on a terminal or not.</summary>
    public static (int Exit, string Out, string Err, object? Request) RunWithEngineCommands(bool interactive, params string[] args)
    {
        object? captured = null;
        int Handle<T>(T request, CliContext context, int rows)
            where T : notnull
        {
            captured = request;
            var table = new ResultTable("rows", "Rows read", ResultColumn.Text("input"), ResultColumn.Number("rows"));
            table.Add(typeof(T).Name, rows);
            ResultWriter.Write(context.Output, OutputFormat.Table, [table]);
            return KamApp.Ok;
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = KamApp.Run(args, output, error, interactive, context => KamApp.BuildRoot(context, new EngineHandlers(
            (r, c) => Handle(r, c, r.Accounts.Count),
            (r, c) => Handle(r, c, r.Opportunities.Count),
            (r, c) => Handle(r, c, r.Deals.Count),
            (r, c) => Handle(r, c, r.Transactions.Count),
            (r, c) => Handle(r, c, r.Accounts.Count))));
        return (exit, output.ToString(), error.ToString(), captured);
    }
}

/// <summary>A fresh temporary folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kam-cli-" + Guid.NewGuid().ToString("N")[..12]);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
