using FinanceBuilder.Templates.Content;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace FinanceBuilder.Templates.Scripting;

/// <summary>
/// A Scriban template of a pack, parsed once and rendered under the limits of design D6 and the
/// reliability catalogue (A5, T24–T26): a fresh context for every render, strict variables, no
/// relaxed member access, no <c>include</c>, loop, recursion and regex limits, a wall-clock
/// budget, and an output cap that fails the render instead of truncating the document.
/// </summary>
public sealed class SafeTemplate
{
    /// <summary>Most characters a template's source may have (the catalogue's 256 KB cap).</summary>
    public const int MaxSourceLength = 256 * 1024;

    /// <summary>
    /// Iterations one loop statement may make, its nested loops' included (Scriban counts them
    /// together). The proposal model's lists are sized so that no template reaches it.
    /// </summary>
    public const int LoopLimit = 10_000;

    /// <summary>Most characters one render may produce before it fails.</summary>
    public const int MaxOutputLength = 8 * 1024 * 1024;

    /// <summary>
    /// Longest a render may run, by the clock. A pack's render takes some milliseconds; the budget
    /// stops a runaway template, not a slow host, so it leaves room for a server (or a test run)
    /// whose cores are all busy: 1 s failed real submissions on a loaded two-core machine.
    /// </summary>
    public static readonly TimeSpan RenderBudget = TimeSpan.FromSeconds(10);

    private readonly Template template;

    private SafeTemplate(Template template, string source)
    {
        this.template = template;
        Source = source;
    }

    /// <summary>Where the template comes from (a pack file), for error messages.</summary>
    public string Source { get; }

    /// <summary>Parses a template; a template that does not parse is reported with its line and reason.</summary>
    /// <exception cref="TemplateException">The text is too long or does not parse.</exception>
    public static SafeTemplate Parse(string text, string source)
    {
        if (text.Length > MaxSourceLength)
            throw new TemplateException(source, 0, $"the template has {text.Length:N0} characters; at most {MaxSourceLength:N0} are allowed");
        var template = Template.Parse(text, source);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
            throw new TemplateException(source, first.Span.Start.Line + 1, first.Message);
        }
        return new SafeTemplate(template, source);
    }

    /// <summary>
    /// Renders the template with a model of plain values (dictionaries, lists, strings, numbers):
    /// never application objects, so a template can read only what the mapper chose to give it.
    /// </summary>
    /// <exception cref="TemplateException">The render failed, ran too long or produced too much.</exception>
    public string Render(IReadOnlyDictionary<string, object?> model)
    {
        using var budget = new CancellationTokenSource(RenderBudget);
        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedTargetAccess = false,
            EnableRelaxedFunctionAccess = false,
            EnableRelaxedIndexerAccess = false,
            LoopLimit = LoopLimit,
            RecursiveLimit = 50,
            ObjectRecursionLimit = 20,
            LimitToString = MaxOutputLength,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = MaxOutputLength,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = TimeSpan.FromMilliseconds(500),
            TemplateLoader = null,
            CancellationToken = budget.Token,
            MemberRenamer = member => member.Name,
        };
        var globals = new ScriptObject();
        foreach (var (name, value) in model)
            globals.Add(name, value);
        // User text goes into Markdown through these, so that it stays literal text.
        var markdown = new ScriptObject();
        markdown.Import("text", new Func<object?, string>(value => MarkdownText.Inline(value?.ToString())));
        markdown.Import("lines", new Func<object?, string>(value => MarkdownText.Lines(value?.ToString())));
        markdown.Import("narrative", new Func<object?, string>(value => MarkdownText.Narrative(value?.ToString())));
        globals.Add("md", markdown);
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateException(Source, e.Span.Start.Line + 1, e.OriginalMessage);
        }
        catch (OperationCanceledException)
        {
            throw new TemplateException(Source, 0, $"the render took longer than {RenderBudget.TotalSeconds:0.#} s");
        }
    }
}

/// <summary>A template that cannot be used: which file, which line (0 when unknown), why.</summary>
public sealed class TemplateException(string source, int line, string reason)
    : Exception($"{source}{(line > 0 ? $"({line})" : "")}: {reason}")
{
    /// <summary>The template file.</summary>
    public string File { get; } = source;

    /// <summary>The line, from 1; 0 when the error is not tied to a line.</summary>
    public int Line { get; } = line;

    /// <summary>Why the template cannot be used.</summary>
    public string Reason { get; } = reason;
}
