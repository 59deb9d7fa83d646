using System.CommandLine;

namespace FinanceBuilder.Web.Cli;

/// The output formats: text for people, json and jsonl for programs (docs/cli.md).
public static class CliFormats
{
    public const string Text = "text";
    public const string Json = "json";
    public const string JsonLines = "jsonl";
}

/// The options several commands share, each declared once with its help text.
internal static class CliOptions
{
    public const int MaxJobs = 64;

    /// The proposals a batch command works on. A word beginning with a dash is an option this
    /// command does not have, not a file (the parser would otherwise take it for one).
    public static Argument<string[]> Inputs(CliSession s, string description)
    {
        var inputs = new Argument<string[]>("inputs") { Description = s.Text(description), Arity = ArgumentArity.OneOrMore };
        inputs.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Select(t => t.Value).Where(v => v.Length > 1 && v[0] == '-'))
                result.AddError(s.Text("Cli.UnknownOption", token));
        });
        return inputs;
    }

    public static Option<string> Format(CliSession s, params string[] allowed)
    {
        var option = new Option<string>("--format")
        {
            Description = s.Text("Cli.Help.Format"),
            HelpName = string.Join("|", allowed),
            DefaultValueFactory = _ => CliFormats.Text,
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }

    public static Option<int> Jobs(CliSession s)
    {
        var option = new Option<int>("--jobs", "-j")
        {
            Description = s.Text("Cli.Help.Jobs"),
            HelpName = "N",
            DefaultValueFactory = _ => Math.Min(Environment.ProcessorCount, MaxJobs),
        };
        option.Validators.Add(result =>
        {
            var jobs = result.GetValueOrDefault<int>();
            if (jobs is < 1 or > MaxJobs)
                result.AddError(s.Text("Cli.JobsRange", MaxJobs));
        });
        return option;
    }

    public static Option<string?> As(CliSession s) => new("--as") { Description = s.Text("Cli.Help.As"), HelpName = "email" };

    /// The language of messages and help; for package, of the documents too.
    public static Option<string?> Lang(CliSession s)
    {
        var option = new Option<string?>("--lang") { Description = s.Text("Cli.Help.Lang"), HelpName = "en|fr", Recursive = true };
        option.AcceptOnlyFromAmong("en", "fr");
        return option;
    }
}
