using AfterSales.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AfterSales.Web.Modules.Demo.Seeding;

/// <summary>
/// One table as the service's EF model maps it for the engine at hand: the columns, and for each the model's own
/// getter and value converter (fen and binary times on SQLite, wire names for enums, the JSON columns). Rows
/// written through it are therefore byte for byte what the service would write, and a column added to the
/// model is picked up here without anyone remembering the seeder.
/// </summary>
internal sealed class SeedTable
{
    private readonly IClrPropertyGetter[] _getters;
    private readonly ValueConverter?[] _converters;

    private SeedTable(IEntityType entity, IReadOnlyList<IProperty> columns)
    {
        Name = entity.GetTableName()!;
        Columns = columns;
        ColumnNames = columns.Select(p => p.GetColumnName()).ToArray();
        _getters = columns.Select(p => p.GetGetter()).ToArray();
        _converters = columns.Select(p => p.GetTypeMapping().Converter).ToArray();
    }

    public string Name { get; }
    public IReadOnlyList<IProperty> Columns { get; }
    public string[] ColumnNames { get; }

    /// <summary>Every mapped column of the entity except the database-generated ones listed (e.g. an event's id).</summary>
    public static SeedTable For<T>(AfterSalesDbContext db, params string[] generated)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var columns = entity.GetProperties().Where(p => !generated.Contains(p.Name) && !p.IsShadowProperty()).ToList();
        var shadow = entity.GetProperties().Where(p => p.IsShadowProperty()).Select(p => p.Name).ToList();
        if (shadow.Count > 0)
            throw new InvalidOperationException($"{entity.GetTableName()} has shadow columns the seeder cannot fill: {string.Join(", ", shadow)}");
        return new SeedTable(entity, columns);
    }

    public int IndexOf(string property)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == property) return i;
        throw new InvalidOperationException($"{Name} has no column for {property}");
    }

    /// <summary>The row of an entity in provider values (what goes over the wire to the database).</summary>
    public object?[] Row(object entity)
    {
        var row = new object?[_getters.Length];
        for (var i = 0; i < row.Length; i++) row[i] = ToProvider(i, _getters[i].GetClrValue(entity));
        return row;
    }

    /// <summary>Converts a model value for column <paramref name="index"/>, for values set beside the entity (ids).</summary>
    public object? ToProvider(int index, object? value) =>
        value is null ? null : _converters[index] is { } c ? c.ConvertToProvider(value) : value;
}
