using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Diagnostics;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using Microsoft.Extensions.Options;

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

    /// The parsed form of this stored proposal, owned by the caller from now on, with its
    /// participation evidence attached (EngagementEvidence) for the one check that follows.
    public Proposal Parse(ProposalRecord record)
    {
        var proposal = Parse(record.Id, record.Document);
        EngagementEvidence.Attach(proposal, record.Engagement);
        return proposal;
    }

    private Proposal Parse(Guid id, string document)
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

    /// The proposals kept between requests, one per proposal (its newest save), within the memory
    /// set by FinanceBuilder:Memory:KeptProposalsMegabytes: the least recently saved go first.
    public sealed class Store(IOptions<FinanceBuilderOptions> options, TimeProvider clock)
    {
        /// What one kept proposal holds, per character of its document: the document (2 bytes a
        /// character) and the parsed model with its checks, measured at about 1.5 bytes a
        /// character (bench save-stages: 253 KB for 174,000 characters).
        public const long BytesPerCharacter = 4;

        private readonly long budget = options.Value.Memory.KeptProposalsMegabytes * 1024L * 1024L;
        // One lock for the table and its byte count: held for a few dictionary operations only.
        private readonly Lock gate = new();
        private readonly Dictionary<Guid, Entry> entries = [];
        private long bytes;

        private sealed record Entry(string Document, Proposal Proposal, long SavedAt)
        {
            public long Bytes => Document.Length * BytesPerCharacter;
        }

        public int Count
        {
            get
            {
                lock (gate)
                    return entries.Count;
            }
        }

        /// Removes and returns the kept proposal when it stands for exactly this document.
        public Proposal? Take(Guid id, string document)
        {
            Entry? entry;
            lock (gate)
            {
                if (!entries.Remove(id, out entry))
                    return null;
                bytes -= entry.Bytes;
            }
            return string.Equals(entry.Document, document, StringComparison.Ordinal) ? entry.Proposal : null;
        }

        public void Keep(Guid id, string document, Proposal proposal)
        {
            var entry = new Entry(document, proposal, clock.GetTimestamp());
            lock (gate)
            {
                if (entries.Remove(id, out var old))
                    bytes -= old.Bytes;
                if (entry.Bytes > budget)
                    return;
                entries[id] = entry;
                bytes += entry.Bytes;
                if (bytes <= budget)
                    return;
                // Over the budget: the least recently saved go, in one sorted pass.
                foreach (var (oldId, oldest) in entries.OrderBy(e => e.Value.SavedAt).ToList())
                {
                    if (bytes <= budget)
                        break;
                    entries.Remove(oldId);
                    bytes -= oldest.Bytes;
                }
            }
        }
    }
}
