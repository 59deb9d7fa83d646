using System.Data;
using System.Data.Common;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Annexes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace FinanceBuilder.Web.Storage;

/// The two statements the database store runs for each piece, written as plain commands on the
/// context's connection rather than through the change tracker: a tracked piece is copied once
/// more when it is saved (its original values) and a queried one arrives in a new array. Here a
/// piece goes out of the caller's buffer and comes back into it. Table and column names, their quoting and how a Guid is written (text on
/// SQLite, uuid on PostgreSQL) come from the EF model, so both providers get the same statements
/// the migrations made the table for.
internal sealed class ChunkCommands
{
    private readonly FinanceBuilderDbContext db;
    private readonly RelationalTypeMapping guid;
    private readonly RelationalTypeMapping text;
    private readonly RelationalTypeMapping number;
    private readonly RelationalTypeMapping bytes;
    private readonly string insert;
    private readonly string select;

    public ChunkCommands(FinanceBuilderDbContext db)
    {
        this.db = db;
        var entity = db.Model.FindEntityType(typeof(BlobChunk))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        RelationalTypeMapping Mapping(string property) => (RelationalTypeMapping)entity.FindProperty(property)!.GetTypeMapping();
        guid = Mapping(nameof(BlobChunk.OrganisationId));
        text = Mapping(nameof(BlobChunk.Sha256));
        number = Mapping(nameof(BlobChunk.Index));
        bytes = Mapping(nameof(BlobChunk.Data));
        var name = sql.DelimitIdentifier(table.Name, table.Schema);
        var (organisation, sha, index, data) = (Column(nameof(BlobChunk.OrganisationId)), Column(nameof(BlobChunk.Sha256)), Column(nameof(BlobChunk.Index)), Column(nameof(BlobChunk.Data)));
        insert = $"INSERT INTO {name} ({organisation}, {sha}, {index}, {data}) VALUES (@organisation, @sha, @index, @data)";
        // SQLite hands a blob over as a stream (incremental I/O, no copy) only when the row's
        // rowid is selected with it; otherwise it makes an array of the whole piece first.
        select = $"SELECT {(db.Database.IsSqlite() ? "rowid, " : "")}{data} FROM {name} WHERE {organisation} = @organisation AND {sha} = @sha AND {index} = @index";
    }

    /// Writes one piece: the first <paramref name="length"/> bytes of <paramref name="buffer"/>.
    public async Task InsertAsync(BlobKey key, int index, byte[] buffer, int length, CancellationToken ct)
    {
        await using var command = await CommandAsync(insert, key, index, ct);
        // A full piece goes out of the buffer itself; only the last, shorter one is copied.
        command.Parameters.Add(bytes.CreateParameter(command, "@data", length == buffer.Length ? buffer : buffer[..length]));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// Reads one piece into <paramref name="buffer"/>; its length, or -1 when there is no such piece.
    public async Task<int> ReadAsync(BlobKey key, int index, byte[] buffer, CancellationToken ct)
    {
        await using var command = await CommandAsync(select, key, index, ct);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, ct);
        if (!await reader.ReadAsync(ct))
            return -1;
        await using var piece = reader.GetStream(reader.FieldCount - 1);
        var length = await piece.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        if (length == buffer.Length && piece.ReadByte() >= 0)
            throw new IOException($"Stored file {key.Sha256}: piece {index} is larger than {buffer.Length} bytes.");
        return length;
    }

    private async Task<DbCommand> CommandAsync(string statement, BlobKey key, int index, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = statement;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.Parameters.Add(guid.CreateParameter(command, "@organisation", key.OrganisationId));
        command.Parameters.Add(text.CreateParameter(command, "@sha", key.Sha256));
        command.Parameters.Add(number.CreateParameter(command, "@index", index));
        return command;
    }
}
