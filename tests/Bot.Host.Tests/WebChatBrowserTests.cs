using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Bot.Host.Tests;

/// <summary>The web chat in Debian's headless Chromium, driven through chromedriver, against the real host.</summary>
public sealed class WebChatBrowserTests(HostFixture host) : IClassFixture<HostFixture>, IDisposable
{
    private readonly ChromeDriver _driver = StartChromium();

    private static ChromeDriver StartChromium()
    {
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--window-size=1200,1000", "--user-data-dir=" + Directory.CreateTempSubdirectory("chromium-").FullName);
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private WebDriverWait Wait => new(_driver, TimeSpan.FromSeconds(15));

    private IWebElement LastAnswer() => _driver.FindElements(By.CssSelector(".msg.bot article.answer")).Last();

    private void Ask(string text)
    {
        var before = _driver.FindElements(By.CssSelector(".msg.bot")).Count;
        var box = _driver.FindElement(By.Id("text"));
        box.SendKeys(text);
        _driver.FindElement(By.Id("send")).Click();
        Wait.Until(d => d.FindElements(By.CssSelector(".msg.bot")).Count > before);
    }

    [Fact]
    public void TypingRcode2_ShowsTheServfailCard_AndSwitchingToJapaneseShowsJapanese()
    {
        _driver.Navigate().GoToUrl(host.BaseAddress);
        Ask("/rcode 2");
        var card = LastAnswer();
        card.FindElement(By.TagName("h2")).Text.ShouldContain("SERVFAIL");
        card.GetAttribute("class")!.ShouldContain("sev-error");
        card.FindElements(By.CssSelector("section[data-key=fix] ol li")).Count.ShouldBeGreaterThan(2);

        var count = _driver.FindElements(By.CssSelector(".msg.bot")).Count;
        _driver.FindElement(By.CssSelector("#lang option[value=ja]")).Click();
        Wait.Until(d => d.FindElements(By.CssSelector(".msg.bot")).Count > count);
        var japanese = LastAnswer();
        japanese.GetAttribute("lang").ShouldBe("ja");
        japanese.FindElement(By.CssSelector(".summary")).Text.ShouldMatch(@"[\u3040-\u30FF\u4E00-\u9FFF]");
        _driver.FindElement(By.Id("send")).Text.ShouldBe("質問");
        Screenshot("webchat-ja.png");
    }

    [Fact]
    public void ClickingAFollowUp_AsksIt()
    {
        _driver.Navigate().GoToUrl(host.BaseAddress);
        Ask("/rcode 2");
        var before = _driver.FindElements(By.CssSelector(".msg.bot")).Count;
        LastAnswer().FindElements(By.CssSelector("button.action")).First(b => b.GetAttribute("data-command")!.StartsWith("/compare", StringComparison.Ordinal)).Click();
        Wait.Until(d => d.FindElements(By.CssSelector(".msg.bot")).Count > before);
        LastAnswer().GetAttribute("data-intent").ShouldBe("compare");
    }

    [Fact]
    public void UserMarkup_IsShownAsText_NotRun()
    {
        _driver.Navigate().GoToUrl(host.BaseAddress);
        Ask("<img src=x onerror=\"document.title='pwned'\"> SERVFAIL");
        _driver.Title.ShouldNotBe("pwned");
        _driver.FindElements(By.CssSelector(".msg img")).ShouldBeEmpty();
        _driver.FindElements(By.CssSelector(".msg.user pre")).Last().Text.ShouldContain("<img");
    }

    [Fact]
    public void QueryParameter_AsksOnLoad()
    {
        _driver.Navigate().GoToUrl(new Uri(host.BaseAddress, "/?q=%2Fede%209&lang=de"));
        Wait.Until(d => d.FindElements(By.CssSelector(".msg.bot article.answer")).Count > 0);
        LastAnswer().GetAttribute("lang").ShouldBe("de");
        LastAnswer().FindElement(By.TagName("h2")).Text.ShouldContain("EDE 9");
    }

    private void Screenshot(string name)
    {
        var dir = Environment.GetEnvironmentVariable("BOT_SCREENSHOTS");
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
            ((ITakesScreenshot)_driver).GetScreenshot().SaveAsFile(Path.Combine(dir, name));
        }
    }

    public void Dispose() => _driver.Quit();
}
