using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace AfterSales.Web.Data;

/// <summary>
/// How a use case opens its write transaction. A request may already run inside one: a POST with an
/// <c>Idempotency-Key</c> claims its key, runs the use case and stores its answer in one transaction, so that a crash
/// leaves either all three or none (a retry then finds the first answer, or runs afresh; never a second effect).
/// Inside such a request the use case's "transaction" is a savepoint of the request's: committing it keeps its
/// writes for the request's commit, and leaving it uncommitted (a refusal thrown half-way) undoes just its writes,
/// as a transaction of its own would. Use cases call this instead of <c>BeginTransactionAsync</c>.
/// </summary>
public static class WriteTransactions
{
    public static async Task<IDbContextTransaction> BeginWriteAsync(this DatabaseFacade database, CancellationToken ct = default)
    {
        if (database.CurrentTransaction is not { } outer) return await database.BeginTransactionAsync(ct);
        var savepoint = "use_case_" + Guid.NewGuid().ToString("N");
        await outer.CreateSavepointAsync(savepoint, ct);
        return new Savepoint(outer, savepoint);
    }

    /// <summary>A use case's part of the request's transaction.</summary>
    private sealed class Savepoint(IDbContextTransaction outer, string name) : IDbContextTransaction
    {
        private bool _done;

        public Guid TransactionId => outer.TransactionId;

        public void Commit() => CommitAsync().GetAwaiter().GetResult();

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            Finish();
            await outer.ReleaseSavepointAsync(name, cancellationToken);
        }

        public void Rollback() => RollbackAsync().GetAwaiter().GetResult();

        public async Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            Finish();
            await outer.RollbackToSavepointAsync(name, cancellationToken);
        }

        public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

        // Like a transaction disposed without a commit: what it wrote is undone. Never with the request's token:
        // an aborted request must still undo.
        public async ValueTask DisposeAsync()
        {
            if (_done) return;
            try
            {
                await RollbackAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                // The request's transaction itself is broken (or gone); the error that got us here goes on up, and the
                // request's transaction is rolled back whole.
            }
        }

        private void Finish()
        {
            if (_done) throw new InvalidOperationException("This use case's transaction has already been committed or rolled back.");
            _done = true;
        }
    }
}
