using System.Diagnostics;
using FinanceBuilder.Templates.Scripting;

namespace FinanceBuilder.Templates.Tests.Scripting;

/// The limits of design D6 and reliability tests T24–T26: a hostile or broken template stops
/// fast with a typed error naming its file and line; output is never silently truncated; user
/// text is data, never template.
public sealed class SafeTemplateTests
{
    private static readonly Dictionary<string, object?> Model = new()
    {
        ["title"] = "Tamale solar street lighting",
        ["lines"] = Enumerable.Range(1, 500).Select(i => (object)new Dictionary<string, object?> { ["n"] = i }).ToList(),
    };

    [Theory]
    [InlineData("{{ while true; end }}")]
    [InlineData("{{ for i in 1..100000000; end }}")]
    [InlineData("{{ func f; f; end; f }}")]
    [InlineData("{{ s = 'a'; for i in 1..60; s = s + s; end; s }}")]
    [InlineData("{{ 'a' * 1000000000 }}")]
    [InlineData("{{ (1..100000000) | array.size }}")]
    [InlineData("{{ [1] * 100000000 }}")]
    [InlineData("{{ '' | string.pad_left 1000000000 }}")]
    [InlineData("{{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | regex.match '^(a+)+$' }}")]
    [InlineData("{{ include 'secrets.txt' }}")]
    [InlineData("{{ appliction.title }}")]
    [InlineData("{{ for i in 1..20000; i; end }}")]
    public void HostileTemplate_StopsFast_WithATypedError(string text)
    {
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<TemplateException>(() => SafeTemplate.Parse(text, "hostile.scriban").Render(Model));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), $"stopped after {watch.Elapsed.TotalSeconds:0.00} s");
        Assert.Equal("hostile.scriban", error.File);
    }

    [Fact]
    public void DeepNesting_IsAParseErrorWithItsLine()
    {
        var error = Assert.Throws<TemplateException>(() => SafeTemplate.Parse("ok\n{{ " + new string('(', 50_000) + " }}", "deep.scriban"));
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void BrokenTemplate_NamesFileAndLine()
    {
        var error = Assert.Throws<TemplateException>(() => SafeTemplate.Parse("line one\nline two\n{{ for x in }}", "sections/a.scriban"));
        Assert.Equal("sections/a.scriban", error.File);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("sections/a.scriban(3): ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooLongSource_IsRefused() =>
        Assert.Throws<TemplateException>(() => SafeTemplate.Parse(new string('x', SafeTemplate.MaxSourceLength + 1), "big.scriban"));

    [Fact]
    public void OutputOverTheCap_FailsInsteadOfTruncating()
    {
        var template = SafeTemplate.Parse("{{ for i in 1..9000; '" + new string('x', 1000) + "'; end }}", "many.scriban");
        var error = Assert.Throws<TemplateException>(() => template.Render(Model));
        Assert.Equal("many.scriban", error.File);
    }

    [Fact]
    public void UserText_IsData_NeverTemplate()
    {
        var model = new Dictionary<string, object?> { ["title"] = "{{ 7*7 }} <script>alert(1)</script> {{ include 'x' }}" };
        Assert.Equal("# {{ 7*7 }} <script>alert(1)</script> {{ include 'x' }}", SafeTemplate.Parse("# {{ title }}", "t.scriban").Render(model));
    }

    [Fact]
    public void OrdinaryTemplate_RendersEveryLine_WithinTheLimits()
    {
        var text = SafeTemplate.Parse("{{ title }}: {{ for l in lines }}{{ l.n }},{{ end }}", "ok.scriban").Render(Model);
        Assert.StartsWith("Tamale solar street lighting: 1,2,3,", text, StringComparison.Ordinal);
        Assert.EndsWith("499,500,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EachRender_StartsFresh()
    {
        var template = SafeTemplate.Parse("{{ if x; 'seen'; else; x = 1; 'first'; end }}", "fresh.scriban");
        var model = new Dictionary<string, object?> { ["x"] = null };
        Assert.Equal("first", template.Render(model));
        Assert.Equal("first", template.Render(model));
    }
}
