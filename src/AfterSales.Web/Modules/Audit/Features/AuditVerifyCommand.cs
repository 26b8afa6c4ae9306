using System.Data.Common;
using System.Globalization;
using AfterSales.Web.Data;

namespace AfterSales.Web.Modules.Audit.Features;

/// <summary>
/// <c>AfterSales.Web audit-verify [--provider Sqlite|Postgres] [--connection …] [--batch N]</c>: verifies the audit
/// chain of the database the service would use (same switches as <c>seed</c>), without starting the host and
/// without writing. Exit 0 valid, 1 broken (the position is printed), 2 bad switches or no database to read.
/// </summary>
internal static class AuditVerifyCommand
{
    public const string Usage = "usage: audit-verify [--provider Sqlite|Postgres] [--connection <connection string>] [--batch <rows per read>]";

    public static async Task<int> RunAsync(string[] args)
    {
        string? provider = null, connection = null;
        var batch = AuditVerifier.DefaultBatch;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--provider" when value is not null: provider = value; i++; break;
                case "--connection" when value is not null: connection = value; i++; break;
                case "--batch" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out batch) && batch > 0: i++; break;
                default:
                    await Console.Error.WriteLineAsync($"audit-verify: unexpected '{args[i]}'");
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        try
        {
            await using var services = new ServiceCollection().AddLogging().AddAfterSalesDatabase(CliConfiguration.Build(provider, connection)).BuildServiceProvider();
            await using var scope = services.CreateAsyncScope();
            var result = await AuditVerifier.VerifyAsync(scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>(), cts.Token, batch);
            if (result.Valid)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audit-verify: valid, {result.Checked:N0} entries checked"));
                return 0;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"audit-verify: BROKEN at position {result.FirstBrokenAt} ({result.Checked:N0} entries checked): an entry there is missing, altered or unlinked"));
            return 1;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync("audit-verify: cannot read the audit log: " + e.Message);
            return 2;
        }
    }

}
