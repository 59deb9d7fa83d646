namespace FinanceBuilder.Web.Cli;

/// What the command line's exit status means, the same for every command (README, docs/cli.md).
/// A batch exits with the largest status of its files, so a script sees the worst that happened.
public static class ExitCodes
{
    /// Done: no error-level finding (validate), a final package (package), the command did its work.
    public const int Ok = 0;

    /// Done, but a proposal has error-level findings: validate's report lists them; package wrote a draft.
    public const int Findings = 1;

    /// The command line itself is wrong: unknown command or option, missing argument, a value
    /// outside its choices, a wrong setting. Nothing was read or written.
    public const int Usage = 2;

    /// An input cannot be used: a file that is missing, unreadable, too large, not JSON or not a
    /// proposal; an unknown proposal id or account; a file that cannot be written.
    public const int BadInput = 3;

    /// The database (or the file store) cannot be reached.
    public const int StorageUnreachable = 4;
}
