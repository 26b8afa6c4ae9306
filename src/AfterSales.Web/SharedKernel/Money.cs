namespace AfterSales.Web.SharedKernel;

/// <summary>Money is decimal yuan with two places (fen); these helpers keep every amount on that grid.</summary>
public static class Money
{
    /// <summary>
    /// The largest amount both engines store: numeric(18,2) on PostgreSQL (fen in a 64-bit integer on SQLite holds more).
    /// Orders are checked against it, so that no case or refund derived from them can overflow a column.
    /// </summary>
    public const decimal Max = 9_999_999_999_999_999.99m;

    public static bool HasAtMostTwoPlaces(decimal amount) => decimal.Round(amount, 2) == amount;

    /// <summary>Rounds down to the fen: a pro-rata share must never exceed what was paid.</summary>
    public static decimal FloorToFen(decimal amount) => decimal.Floor(amount * 100m) / 100m;

    /// <summary>Scale 2, so that JSON shows <c>199.00</c>.</summary>
    public static decimal Normalize(decimal amount) => decimal.Round(amount, 2) + 0.00m;

    public static long ToFen(decimal amount) => (long)decimal.Round(amount * 100m, 0);

    public static decimal FromFen(long fen) => Normalize(fen / 100m);
}
