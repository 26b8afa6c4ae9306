using CsCheck;

namespace AfterSales.IntegrationTests.Fuzz;

/// <summary>
/// Mutations of a valid JSON body, each with a note saying what was done: a value somewhere in the tree replaced by a
/// hostile one (wrong type, null, boundary number, hostile text, deep nesting), several of them, an unknown field
/// added, a field (often a required one) removed, or the whole body replaced.
/// </summary>
public static class Mutations
{
    public sealed record Mutated(JsonNode? Body, string Note);

    private sealed record Slot(string Path, JsonNode Parent, string? Key, int Index);

    /// <summary>Every place in the tree a value sits (a property of an object, an item of an array).</summary>
    private static List<Slot> Slots(JsonNode? node, string path = "$")
    {
        var slots = new List<Slot>();
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    slots.Add(new Slot($"{path}.{key}", o, key, -1));
                    slots.AddRange(Slots(value, $"{path}.{key}"));
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    slots.Add(new Slot($"{path}[{i}]", a, null, i));
                    slots.AddRange(Slots(a[i], $"{path}[{i}]"));
                }
                break;
        }
        return slots;
    }

    private static void Set(Slot slot, JsonNode? value)
    {
        if (slot.Parent is JsonObject o) o[slot.Key!] = value;
        else ((JsonArray)slot.Parent)[slot.Index] = value;
    }

    /// <summary>Replaces the value at one random place by a hostile one.</summary>
    private static Gen<Mutated> ReplaceOne(JsonNode? valid, string note = "") =>
        Gen.Int[0, int.MaxValue].SelectMany(pick => Hostile.Value.Select(value =>
        {
            var body = valid?.DeepClone();
            var slots = Slots(body);
            if (slots.Count == 0) return new Mutated(value, note + "body → " + Hostile.Serialize(value, relaxed: true).Shorten());
            var slot = slots[pick % slots.Count];
            Set(slot, value);
            return new Mutated(body, note + $"{slot.Path} → {Hostile.Serialize(value, relaxed: true).Shorten()}");
        }));

    private static readonly string[] UnknownNames = ["unknown", "$type", "__proto__", "constructor", "id", "version", "status", "caseNo", "\u0000", "", "a\uD800"];

    private static Gen<Mutated> AddUnknown(JsonNode? valid) =>
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.OneOf(UnknownNames), Hostile.Value).Select(t =>
        {
            var (pick, name, value) = t;
            var body = valid?.DeepClone();
            var objects = new List<JsonObject>();
            if (body is JsonObject root) objects.Add(root);
            objects.AddRange(Slots(body).Select(s => s.Parent is JsonObject o ? o[s.Key!] : ((JsonArray)s.Parent)[s.Index]).OfType<JsonObject>());
            if (objects.Count == 0) return new Mutated(body, "no object to add a field to");
            var target = objects[pick % objects.Count];
            target[target.ContainsKey(name) ? name + "_extra" : name] = value;
            return new Mutated(body, $"extra field '{name.Shorten()}'");
        });

    private static Gen<Mutated> RemoveOne(JsonNode? valid) =>
        Gen.Int[0, int.MaxValue].Select(pick =>
        {
            var body = valid?.DeepClone();
            var properties = Slots(body).Where(s => s.Parent is JsonObject).ToList();
            if (properties.Count == 0) return new Mutated(body, "no field to remove");
            var slot = properties[pick % properties.Count];
            ((JsonObject)slot.Parent).Remove(slot.Key!);
            return new Mutated(body, $"removed {slot.Path}");
        });

    /// <summary>The valid body (about a third of the time) or one of the mutations of it.</summary>
    public static Gen<Mutated> Of(Gen<JsonNode?> valid) => valid.SelectMany(v => Gen.Frequency<Mutated>(
        (30, Gen.Const(() => new Mutated(v?.DeepClone(), "valid per schema"))),
        (35, ReplaceOne(v)),
        (8, ReplaceOne(v).SelectMany(first => ReplaceOne(first.Body, first.Note + "; "))),
        (8, AddUnknown(v)),
        (8, RemoveOne(v)),
        (5, Hostile.Value.Select(h => new Mutated(h, "body → " + Hostile.Serialize(h, relaxed: true).Shorten())))));

    /// <summary>Printable: at most <paramref name="max"/> characters, control characters and lone surrogates as <c>\uXXXX</c>.</summary>
    public static string Shorten(this string text, int max = 80)
    {
        var shown = text.Length <= max ? text : text[..max];
        var sb = new System.Text.StringBuilder();
        foreach (var c in shown)
            sb.Append(char.IsControl(c) || char.IsSurrogate(c) || c is '\u202E' or '\uFEFF' ? $"\\u{(int)c:X4}" : c.ToString());
        return text.Length <= max ? sb.ToString() : $"{sb}…({text.Length} chars)";
    }
}
