using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AfterSales.Web.Data;

/// <summary>Enums are stored by their wire name, so a row reads the same as the API.</summary>
public sealed class WireEnumConverter<T>() : ValueConverter<T, string>(v => Wire.Name(v), s => Wire.Parse<T>(s))
    where T : struct, Enum;

/// <summary>SQLite has no decimal: money is stored as whole fen, exact and comparable in SQL.</summary>
public sealed class FenConverter() : ValueConverter<decimal, long>(v => Money.ToFen(v), v => Money.FromFen(v));
