using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// Renders generated reports in a real browser: headless Chromium (Debian's <c>chromium</c> package; CI installs it
/// with eng/install-chromium.sh). Skipped, with the reason, where /usr/bin/chromium is absent.
/// </summary>
/// <remarks>
/// A headless Chromium takes 12 to 20 s per page on a 2-core machine loaded by parallel builds (measured), and more
/// under heavier load, so each launch gets a budget of <see cref="Budget"/>; a launch that hangs (seen now and then under
/// heavy load) is killed and tried again with a fresh profile, up to <see cref="Attempts"/> launches. A page is loaded once: the screenshot
/// and the DOM come from the same launch. The flags keep Chromium to what a headless render needs (no GPU, no
/// sandbox, no /dev/shm, no background networking or component updates).
/// </remarks>
public sealed class ChromiumTests
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>How long one Chromium launch may take before it counts as hung (a launch takes 12–30 s on a loaded 2-core machine).</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(150);

    /// <summary>How many launches a hang may cost before the test fails: headless Chromium now and then hangs at start or exit under load, and a fresh launch does not.</summary>
    private const int Attempts = 3;

    [Fact]
    public void Every_chart_of_the_gallery_survives_the_browsers_parser()
    {
        using var temp = new TempFolder();
        var page = temp.Write("gallery.html", Gallery.Build().Render());
        var dom = Run(temp, "--dump-dom", new Uri(page).AbsoluteUri);

        Assert.Equal(7, Regex.Count(dom, "<svg "));
        foreach (var kind in new[] { "pareto", "bar", "funnel", "line", "histogram" })
        {
            Assert.Matches($"<svg [^>]*data-chart=\"{kind}\"", dom);
        }

        Assert.Equal(31, Regex.Count(dom, "<rect class=\"bar\""));
        Assert.Contains("<polyline class=\"cumulative\"", dom, StringComparison.Ordinal);
        Assert.Equal(24, Regex.Count(dom, "<rect class=\"bin\""));
        Assert.Contains("&lt;b&gt;Bold &amp; Co&lt;/b&gt;", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Bold", dom, StringComparison.Ordinal);
        KeepForInspection(temp, page);
    }

    // Set KAM_REPORT_SCREENSHOTS=/some/folder to keep a screenshot of the page there, to look at it.
    private static void KeepForInspection(TempFolder temp, string page)
    {
        var folder = Environment.GetEnvironmentVariable("KAM_REPORT_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Run(temp, "--screenshot=" + Path.Combine(folder, Path.GetFileNameWithoutExtension(page) + ".png"), "--window-size=1100,4200", "--hide-scrollbars", new Uri(page).AbsoluteUri);
        }
    }

    [Fact]
    public void The_demo_report_renders_to_a_non_blank_screenshot()
    {
        using var temp = new TempFolder();
        var page = temp.File("demo.html");
        Assert.Equal(0, CliHarness.Run("demo", "--out", page).Exit);
        var png = temp.File("demo.png");
        var dom = Run(temp, "--screenshot=" + png, "--dump-dom", "--window-size=1100,2400", "--hide-scrollbars", new Uri(page).AbsoluteUri);

        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        Assert.True(bytes.Length > 40_000, $"The screenshot is only {bytes.Length} bytes: the page looks blank.");
        foreach (var kind in new[] { "pareto", "bar", "funnel", "line", "histogram", "bullet", "waterfall", "heatmap" })
        {
            Assert.Matches($"<svg [^>]*data-chart=\"{kind}\"", dom); // every chart kind the demo draws reached the DOM
        }

        foreach (var section in new[] { "sample", "tiers", "pipeline", "forecast", "anomalies", "pay", "value", "plan", "whitespace" })
        {
            Assert.Matches($"<section [^>]*id=\"{section}\"", dom);
        }
        KeepForInspection(temp, page);
    }

    [Fact]
    public void The_forecast_report_draws_its_fan_chart_reliability_diagram_and_accuracy_chart()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliHarness.Run("init", temp.Path, "--sample").Exit);
        var page = temp.File("forecast.html");
        Assert.Equal(0, CliHarness.Run("forecast", temp.File("events.csv"), "--target", "15000000", "--out", page).Exit);
        var dom = Run(temp, "--dump-dom", new Uri(page).AbsoluteUri);
        foreach (var kind in new[] { "fan", "reliability", "bar" })
        {
            Assert.Matches($"<svg [^>]*data-chart=\"{kind}\"", dom);
        }

        Assert.Contains("<polygon class=\"fan-band\"", dom, StringComparison.Ordinal);
        Assert.Contains("<circle class=\"reliability-point\"", dom, StringComparison.Ordinal);
        KeepForInspection(temp, page);
    }

    private static string Run(TempFolder temp, params string[] arguments)
    {
        Assert.SkipUnless(File.Exists(Chromium), $"{Chromium} is not installed (Debian package 'chromium'; CI installs it with eng/install-chromium.sh).");
        for (var attempt = 1; ; attempt++)
        {
            if (TryRun(temp, arguments, out var dom))
            {
                return dom;
            }

            if (attempt == Attempts)
            {
                Assert.Fail($"Chromium did not finish within {Budget.TotalSeconds} s in any of {Attempts} launches.");
            }
        }
    }

    /// <summary>Launches Chromium once with a fresh profile; false when it hung (it is then killed).</summary>
    private static bool TryRun(TempFolder temp, string[] arguments, out string output)
    {
        var profile = Directory.CreateDirectory(Path.Combine(temp.Path, "profile-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--disable-extensions", "--mute-audio",
                     "--user-data-dir=" + profile,
                 }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(Budget))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            output = string.Empty;
            return false;
        }

        Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {error.Result}");
        output = stdout.Result;
        return true;
    }
}
