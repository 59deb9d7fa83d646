using System.Collections.Concurrent;
using FinanceBuilder.Web.Diagnostics;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Features.Proposals;

/// The stored proposals of one request, parsed once; a proposal a previous request on this node
/// saved is taken over instead of parsed again when its stored document is still exactly the one
/// that request saved. Someone typing autosaves the same proposal every few seconds, and parsing
/// its document was the largest single cost of an autosave (bench/RESULTS.md, issue 12).
///
/// Scoped: what this request saved is handed back when the request's services are disposed,
/// after the response is written, so no other request can change an object this one still
/// renders. A proposal taken is this request's alone: it may change it freely; if it is not saved
/// it is simply dropped. The check is the document itself (ordinal equality), not a version
/// number, so a save by another node, a restore or an import can never leave a stale object in use.
public sealed class ParsedProposals(ParsedProposals.Store store) : IDisposable
{
    private readonly Dictionary<Guid, (string Document, Proposal Proposal)> saved = [];

    /// The parsed form of this stored document, owned by the caller from now on.
    public Proposal Parse(Guid id, string document)
    {
        if (store.Take(id, document) is { } kept)
        {
            PipelineMetrics.Parsed("reused");
            return kept;
        }
        return ProposalJson.FromStored(document);
    }

    /// The proposal was saved as this document and will not change any more in this request:
    /// the next request on it may take it over once this one has ended.
    public void Saved(Guid id, string document, Proposal proposal) => saved[id] = (document, proposal);

    public void Dispose()
    {
        foreach (var (id, (document, proposal)) in saved)
            store.Keep(id, document, proposal);
        saved.Clear();
    }

    /// The proposals kept between requests (one per proposal, the newest save), at most
    /// <see cref="Capacity"/>: the least recently saved go first.
    public sealed class Store(TimeProvider clock)
    {
        /// About 1 MB of objects per proposal of a few hundred kilobytes of JSON: at most some
        /// 100 MB for the proposals being edited at the same moment on one node.
        public const int Capacity = 100;

        private readonly ConcurrentDictionary<Guid, Entry> entries = new();

        private sealed record Entry(string Document, Proposal Proposal, long SavedAt);

        public int Count => entries.Count;

        /// Removes and returns the kept proposal when it stands for exactly this document.
        public Proposal? Take(Guid id, string document) =>
            entries.TryRemove(id, out var entry) && string.Equals(entry.Document, document, StringComparison.Ordinal) ? entry.Proposal : null;

        public void Keep(Guid id, string document, Proposal proposal)
        {
            entries[id] = new Entry(document, proposal, clock.GetTimestamp());
            while (entries.Count > Capacity)
            {
                var oldest = entries.MinBy(e => e.Value.SavedAt);
                entries.TryRemove(oldest);
            }
        }
    }
}
