using System.Diagnostics;

namespace Bot.Host.Tests;

/// <summary>Runs the host's executable with a verb, as a person does, and collects exit code and output.</summary>
internal static class CliProcess
{
    public static (int Exit, string Out, string Err) Run(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Bot.Host.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(60_000).ShouldBeTrue($"{args.FirstOrDefault()} did not finish");
        return (process.ExitCode, output.Result, error.Result);
    }
}
