using System.Data.Common;
using AfterSales.Web.Modules.Audit.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using AfterSales.Web.Modules.Audit.Contracts;
using AfterSales.Web.Data;

namespace AfterSales.Web.Modules.Audit.Features;

/// <summary>
/// Seals a transaction's audit entries as the last statements before its COMMIT: lock the chain head row, number
/// the entries after it, hash each onto the previous one, insert them and move the head. Why at commit:
/// <list type="bullet">
/// <item>Positions follow commit order. The head lock (<c>SELECT … FOR UPDATE</c> on PostgreSQL; SQLite's
/// <c>BEGIN IMMEDIATE</c> transactions already hold the one write lock) is held until the commit, so the next
/// sealer, on this node or another, reads the head only after this chain is committed — no gaps, no forks, and a
/// rolled-back change never used a position.</item>
/// <item>The lock is the transaction's last: held for a few statements, never while the caller still takes other
/// row locks, so it cannot deadlock with the order lock or the case versions, and it serializes only the sealing,
/// not the requests.</item>
/// </list>
/// A lease or a separate sealing worker would also order entries, but would leave committed changes unaudited for a
/// while and need a second table to stay insert-only; this needs neither.
/// </summary>
internal sealed class AuditSealer : DbTransactionInterceptor, IServiceWideInterceptor
{
    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        var pending = AuditLog.Take(eventData.Context, eventData.TransactionId);
        if (pending.Count > 0) await SealAsync(eventData.Context!, transaction, pending, cancellationToken);
        return result;
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        var pending = AuditLog.Take(eventData.Context, eventData.TransactionId);
        if (pending.Count > 0) SealAsync(eventData.Context!, transaction, pending, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private static async Task SealAsync(DbContext context, DbTransaction tx, IReadOnlyList<PendingAuditEntry> pending, CancellationToken ct)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        var head = Table.Of<AuditChainHead>(context, sql);
        var lockClause = context.Database.IsSqlite() ? "" : " FOR UPDATE";
        long position;
        string hash;
        await using (var read = Command(tx, $"SELECT {head.Column(nameof(AuditChainHead.Position))}, {head.Column(nameof(AuditChainHead.Hash))} "
            + $"FROM {head.Name} WHERE {head.Column(nameof(AuditChainHead.Id))} = {AuditChainHead.SingletonId}{lockClause}"))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("The audit chain head row is missing; the Audit migration creates it.");
            position = reader.GetInt64(0);
            hash = reader.GetString(1);
        }
        var entries = Table.Of<AuditEntry>(context, sql);
        foreach (var p in pending)
        {
            var entry = new AuditEntry(++position, AuditHash.CurrentFormat, p.OccurredAt, p.ActorId, p.ActorRole, p.Action, p.Target, p.DataJson, hash);
            await using var insert = entries.Insert(tx, entry);
            await insert.ExecuteNonQueryAsync(ct);
            hash = entry.Hash;
        }
        await using var move = Command(tx, $"UPDATE {head.Name} SET {head.Column(nameof(AuditChainHead.Position))} = @p, "
            + $"{head.Column(nameof(AuditChainHead.Hash))} = @h WHERE {head.Column(nameof(AuditChainHead.Id))} = {AuditChainHead.SingletonId}");
        Add(move, "@p", position);
        Add(move, "@h", hash);
        await move.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Command(DbTransaction tx, string text)
    {
        var cmd = tx.Connection!.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = text;
        return cmd;
    }

    private static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    /// <summary>Names and values from the EF model, so the raw SQL stores exactly what the model reads back on either engine.</summary>
    private sealed class Table(IEntityType type, StoreObjectIdentifier store, ISqlGenerationHelper sql)
    {
        public static Table Of<T>(DbContext context, ISqlGenerationHelper sql)
        {
            var type = context.Model.FindEntityType(typeof(T))!;
            return new Table(type, StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()), sql);
        }

        public string Name => sql.DelimitIdentifier(store.Name, store.Schema);

        public string Column(string property) => sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(store)!);

        public DbCommand Insert(DbTransaction tx, object entity)
        {
            var props = type.GetProperties().ToList();
            var cmd = Command(tx, $"INSERT INTO {Name} ({string.Join(", ", props.Select(p => Column(p.Name)))}) "
                + $"VALUES ({string.Join(", ", props.Select((_, i) => "@v" + i))})");
            for (var i = 0; i < props.Count; i++)
            {
                var value = props[i].PropertyInfo!.GetValue(entity);
                var converter = props[i].GetTypeMapping().Converter;
                Add(cmd, "@v" + i, converter is null || value is null ? value : converter.ConvertToProvider(value));
            }
            return cmd;
        }
    }
}
