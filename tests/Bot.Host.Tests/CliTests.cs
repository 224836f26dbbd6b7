using System.Text.Json;

namespace Bot.Host.Tests;

/// <summary>The `ask` verb as a whole process, as a person runs it.</summary>
public sealed class CliTests
{
    private static (int Exit, string Out, string Err) Run(string stdin, params string[] args) => CliProcess.Run(stdin, args);

    [Fact]
    public void Ask_PrintsTheAnswer()
    {
        var (exit, output, _) = Run("", "ask", "/rcode", "2");
        exit.ShouldBe(0);
        output.ShouldStartWith("# SERVFAIL (RCODE 2)");
        output.ShouldContain("dig +cd");
    }

    [Fact]
    public void AskJson_HasTheContractFields()
    {
        var (exit, output, _) = Run("", "ask", "--json", "--locale", "de", "SERVFAIL vs REFUSED?");
        exit.ShouldBe(0);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("intent").GetString().ShouldBe("compare");
        root.GetProperty("locale").GetString().ShouldBe("de");
        root.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["dns:rcode:2", "dns:rcode:5"]);
        root.GetProperty("text").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Ask_UnknownQuestion_StillExitsZero()
    {
        var (exit, output, _) = Run("", "ask", "--json", "qwertzuiop asdf");
        exit.ShouldBe(0);
        JsonDocument.Parse(output).RootElement.GetProperty("intent").GetString().ShouldBe("unknown");
    }

    [Fact]
    public void Ask_ReadsAPipedPasteAsOneMessage()
    {
        var paste = """
            ;; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 4242
            ;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1
            ;; QUESTION SECTION:
            ;nope.example.com.		IN	A
            """;
        var (exit, output, _) = Run(paste, "ask", "--json");
        exit.ShouldBe(0);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("codes")[0].GetString().ShouldBe("dns:rcode:3");
        root.GetProperty("recognizer").GetString().ShouldBe("dig");
    }

    [Fact]
    public void Ask_TextStartingWithAt_IsAQuestionNotAResponseFile()
    {
        var (exit, output, _) = Run("", "ask", "--json", "@everyone SERVFAIL");
        exit.ShouldBe(0);
        JsonDocument.Parse(output).RootElement.GetProperty("codes")[0].GetString().ShouldBe("dns:rcode:2");
    }

    [Fact]
    public void Ask_BadLocale_SaysWhich()
    {
        var (exit, _, error) = Run("", "ask", "--locale", "fr", "/rcode 2");
        exit.ShouldBe(2);
        error.ShouldContain("--locale must be en, ja or de");
    }
}
