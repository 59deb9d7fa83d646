using Microsoft.Playwright;

namespace FinanceBuilder.Browser.Tests.Infrastructure;

/// One server and one Chromium for the whole collection: the system's Chromium (Debian package
/// 'chromium', installed by ./test.sh), never a downloaded browser.
public sealed class Browsers : IAsyncLifetime
{
    public WizardServer Server { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Chromium { get; private set; } = null!;

    public static string ChromiumPath =>
        new[] { Environment.GetEnvironmentVariable("FB_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p))
        ?? throw new InvalidOperationException("No Chromium found: install the Debian package 'chromium' (./test.sh does) or set FB_CHROMIUM.");

    public async Task InitializeAsync()
    {
        Server = new WizardServer();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Chromium = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        Playwright.Dispose();
        await Server.DisposeAsync();
    }

    /// A fresh browser profile (cookies, storage) with a screen size, a language and JavaScript
    /// on or off, signed in as <paramref name="signInAs"/> (the workspace's editor by default;
    /// null for nobody).
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900, string locale = "en-GB", bool javaScript = true, string? signInAs = WizardServer.DefaultEditor)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            JavaScriptEnabled = javaScript,
            IgnoreHTTPSErrors = true,
        });
        if (signInAs is not null)
            await SignInAsync(context, signInAs);
        return context;
    }

    /// Signs the browser profile in through the sign-in page.
    public static async Task SignInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", WizardServer.Password);
        await page.ClickAsync("main button[type=submit]");
        // Signed in once the redirect away from the sign-in page arrives (the cookie came with
        // it): waiting for the next page's every resource timed out at 30 s on a loaded machine.
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await page.CloseAsync();
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserTestGroup : ICollectionFixture<Browsers>;
