using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace AfterSales.Web.Data;

/// <summary>
/// How a connection waits for SQLite's single write lock. SQLite's own busy timeout sleeps 1, 2, 5, 10, … up to
/// 100 ms between tries, so under concurrent writers a waiter sleeps on long after the lock is free: throughput
/// drops and the tail grows to seconds (measured in bench/: 8 clients creating cases). This handler tries again
/// every millisecond instead, for the same 30 s in all, then lets the statement fail with SQLITE_BUSY as before.
/// </summary>
internal static class SqliteBusyWait
{
    private const int Tries = 30_000;

    // Kept in a static field so that the native side's pointer to it stays valid for the life of the process.
    private static readonly BusyHandler Handler = OnBusy;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int BusyHandler(IntPtr state, int count);

    // SQLitePCLRaw does not wrap sqlite3_busy_handler; the library is the one it loaded (the bundled e_sqlite3).
    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_busy_handler(IntPtr db, BusyHandler handler, IntPtr state);

    public static void Install(SqliteConnection connection)
    {
        var rc = sqlite3_busy_handler(connection.Handle!.DangerousGetHandle(), Handler, IntPtr.Zero);
        if (rc != 0) throw new InvalidOperationException($"sqlite3_busy_handler failed with {rc}");
    }

    private static int OnBusy(IntPtr state, int count)
    {
        if (count >= Tries) return 0;
        Thread.Sleep(1);
        return 1;
    }
}
