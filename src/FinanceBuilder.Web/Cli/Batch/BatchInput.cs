namespace FinanceBuilder.Web.Cli.Batch;

/// One proposal a batch command works on: a file, a stored proposal's id, or an argument that is
/// neither (kept, so that its line says why and the batch goes on).
public sealed record BatchInput(string Name, string? File, Guid? Id, string? Problem)
{
    /// The arguments as proposals: a folder gives its *.json files (not its sub-folders), in name
    /// order; a file itself; an id a stored proposal. <paramref name="several"/> is true when the
    /// command works in batch (a folder or more than one argument): one line per proposal.
    public static IReadOnlyList<BatchInput> Expand(IReadOnlyList<string> arguments, CliSession session, out bool several)
    {
        var inputs = new List<BatchInput>();
        several = arguments.Count > 1;
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                several = true;
                var files = Directory.EnumerateFiles(argument, "*.json").Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0)
                    inputs.Add(new BatchInput(argument, null, null, session.Text("Cli.EmptyFolder")));
                inputs.AddRange(files.Select(f => new BatchInput(f, f, null, null)));
            }
            else if (System.IO.File.Exists(argument))
            {
                inputs.Add(new BatchInput(argument, argument, null, null));
            }
            else if (Guid.TryParse(argument, out var id))
            {
                inputs.Add(new BatchInput(argument, null, id, null));
            }
            else
            {
                inputs.Add(new BatchInput(argument, null, null, session.Text("Cli.NoSuchInput")));
            }
        }
        return inputs;
    }

    /// Stored proposals are read as an account: without --as the batch is refused before any work.
    public static void RequireAccount(IReadOnlyList<BatchInput> inputs, string? actAs, CliSession session)
    {
        if (string.IsNullOrWhiteSpace(actAs) && inputs.Any(i => i.Id is not null))
            throw new CliException(ExitCodes.Usage, session.Text("Cli.NeedAs"));
    }

    /// Each input's folder in a batch's output folder: its own name, then "-2", "-3"… for a name
    /// already taken (a.json in two folders, or one file given twice), compared as a
    /// case-insensitive file system would, so no package ever overwrites another.
    public static IReadOnlyDictionary<BatchInput, string> FolderNames(IReadOnlyList<BatchInput> inputs)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<BatchInput, string>(ReferenceEqualityComparer.Instance);
        foreach (var input in inputs)
        {
            var stem = input.FolderName();
            var name = stem;
            for (var n = 2; !taken.Add(name); n++)
                name = $"{stem}-{n}";
            names[input] = name;
        }
        return names;
    }

    /// A short, safe folder name for this proposal's package in a batch's output folder.
    public string FolderName()
    {
        var stem = Id is { } id ? id.ToString() : Path.GetFileNameWithoutExtension(File ?? Name);
        var safe = new string(stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).Trim('.');
        return safe.Length == 0 ? "proposal" : safe[..Math.Min(safe.Length, 100)];
    }
}
