using System.Text;
using CsCheck;

namespace AfterSales.IntegrationTests.Fuzz;

/// <summary>
/// A CsCheck generator of whole requests to one operation of the document: a principal, path parameters (a real id
/// most of the time, else hostile), query parameters (valid, wrong type, hostile, huge limits, unknown, repeated),
/// headers (Accept-Language, bogus Idempotency-Key and If-Match) and a body (per schema, mutated, or not JSON at all).
/// </summary>
public sealed class RequestGen(FuzzWorld world, SchemaGen schemas)
{
    private sealed record Part(string Text, string? Note);

    private static readonly Gen<string> Principal = Gen.Frequency<string>(
        (40, "platform"), (12, "merchant"), (12, "consumer"), (10, "agent"), (10, "supervisor"), (8, "anonymous"), (8, "bogus"));

    public Gen<FuzzRequest> For(Operation op) =>
        Gen.Select(Principal, Path(op), Query(op), Headers(op), Body(op), (principal, path, query, headers, body) =>
        {
            var notes = path.Notes.Concat(query.Notes).Concat(headers.Notes).Append(body.Note).OfType<string>().ToList();
            return new FuzzRequest(op, principal, path.Text + query.Text, headers.Headers, body.Bytes, body.ContentType, notes);
        });

    public Gen<FuzzRequest> Any() => Gen.OneOf<FuzzRequest>([.. world.Api.Operations.Select(For)]);

    // ---- path and query ----

    /// <summary>A hostile text that the test host can carry in a URL (it throws on %00 in a path, before the service sees it) and not too long.</summary>
    private static Gen<string> UrlText(bool path) => Hostile.Text.Select(t =>
    {
        var text = t.Length > 2_000 ? t[..2_000] : t;
        return path ? text.Replace('\u0000', '\u0001') : text;
    });

    private Gen<Part> PathValue(Parameter p)
    {
        var valid = schemas.Valid(p.Schema, p.Name).Select(v => new Part(Hostile.Escape(v?.ToString() ?? ""), null));
        var hostile = UrlText(path: true).Select(t => new Part(Hostile.Escape(t), $"{p.Name} → '{t.Shorten()}'"));
        var raw = Gen.OneOf(Hostile.RawSegments).Select(s => new Part(s, $"{p.Name} → raw '{s}'"));
        var number = Gen.OneOf(Hostile.Numbers).Select(n => new Part(Hostile.Escape(n), $"{p.Name} → {n}"));
        var pool = world.Pool(p.Name);
        return pool.Length > 0
            ? Gen.Frequency<Part>((6, Gen.OneOf(pool).Select(v => new Part(Hostile.Escape(v), null))), (1, valid), (3, hostile), (1, raw), (1, number))
            : Gen.Frequency<Part>((5, valid), (3, hostile), (1, raw), (1, number));
    }

    private Gen<(string Text, List<string?> Notes)> Path(Operation op)
    {
        Gen<(string Text, List<string?> Notes)> gen = Gen.Const(() => (op.Path, new List<string?>()));
        foreach (var p in op.Parameters.Where(p => p.In == "path"))
            gen = gen.SelectMany(acc => PathValue(p).Select(v => (acc.Item1.Replace("{" + p.Name + "}", v.Text, StringComparison.Ordinal), (List<string?>)[.. acc.Item2, v.Note])));
        return gen;
    }

    private static readonly string[] Limits = ["0", "-1", "1000000", "100000000000", "abc", "1.5", ""];

    private Gen<List<(string Name, string Value, string? Note)>> QueryValue(Parameter p)
    {
        var valid = schemas.Valid(p.Schema, p.Name).Select(v => (List<(string, string, string?)>)[(p.Name, Hostile.Escape(v?.ToString() ?? ""), null)]);
        var hostile = UrlText(path: false).Select(t => (List<(string, string, string?)>)[(p.Name, Hostile.Escape(t), $"?{p.Name} → '{t.Shorten()}'")]);
        var number = Gen.OneOf([.. Hostile.Numbers, .. Limits]).Select(n => (List<(string, string, string?)>)[(p.Name, Hostile.Escape(n), $"?{p.Name} → {n}")]);
        var raw = Gen.OneOf(Hostile.RawSegments).Select(s => (List<(string, string, string?)>)[(p.Name, s, $"?{p.Name} → raw {s}")]);
        var twice = Gen.Select(valid, hostile).Select(t => (List<(string, string, string?)>)[.. t.Item1, .. t.Item2]);
        return Gen.Frequency<List<(string, string, string?)>>(
            (4, Gen.Const(() => new List<(string, string, string?)>())), (4, valid), (3, hostile), (2, number), (1, raw), (1, twice));
    }

    private Gen<(string Text, List<string?> Notes)> Query(Operation op)
    {
        Gen<List<(string Name, string Value, string? Note)>> gen = Gen.Const(() => new List<(string, string, string?)>());
        foreach (var p in op.Parameters.Where(p => p.In == "query"))
            gen = gen.SelectMany(acc => QueryValue(p).Select(v => (List<(string, string, string?)>)[.. acc, .. v]));
        var unknown = UrlText(path: false).Select(t => (List<(string, string, string?)>)[("zzz", Hostile.Escape(t), "?zzz (unknown)")]);
        gen = gen.SelectMany(acc => Gen.Frequency<List<(string, string, string?)>>((10, Gen.Const(acc)), (1, unknown.Select(u => (List<(string, string, string?)>)[.. acc, .. u]))));
        return gen.Select(list => (list.Count == 0 ? "" : "?" + string.Join('&', list.Select(q => q.Item1 + "=" + q.Item2)), list.Select(q => q.Item3).ToList()));
    }

    // ---- headers ----

    private static readonly string[] BogusIfMatch = ["\"1\"", "W/\"1\"", "*", "garbage", "\"-1\"", "\"99999999999999999999\"", "", "\"\"", new('9', 300), "\"1\", \"2\""];
    private static readonly string[] BogusKeys = ["", " ", new('k', 201), "fuzz-reused-key", "é", "\t"];
    private static readonly string[] Languages = ["zh-CN", "en-US", "xx-YY", "*", ";q=abc", "zh-CN;q=2,en;q=-1", new('a', 500)];
    private static readonly string[] Accepts = ["application/xml", "text/html", "*/*", "application/problem+json", "image/png"];

    private static Gen<string?> Maybe(int none, string[] values) =>
        Gen.Frequency<string?>((none, Gen.Const<string?>((string?)null)), (1, Gen.OneOf(values).Select(v => (string?)v)));

    private static Gen<(List<KeyValuePair<string, string>> Headers, List<string?> Notes)> Headers(Operation op)
    {
        var idempotency = op.Method == "POST"
            ? Gen.Frequency<string?>((7, Gen.Const<string?>((string?)null)), (2, Gen.Int.Select(i => (string?)$"fuzz-{i:x8}")), (1, Gen.OneOf(BogusKeys).Select(k => (string?)k)))
            : Gen.Const<string?>((string?)null);
        var ifMatch = op.Method is "POST" or "PUT" ? Maybe(2, BogusIfMatch) : Gen.Const<string?>((string?)null);
        return Gen.Select(Maybe(3, Languages), idempotency, ifMatch, Maybe(9, Accepts)).Select(t =>
        {
            var headers = new List<KeyValuePair<string, string>>();
            void Add(string name, string? value)
            {
                if (value is not null) headers.Add(new(name, value));
            }
            Add("Accept-Language", t.Item1);
            Add("Idempotency-Key", t.Item2);
            Add("If-Match", t.Item3);
            Add("Accept", t.Item4);
            return (headers, headers.Count == 0 ? new List<string?>() : [string.Join(", ", headers.Select(h => $"{h.Key}: '{h.Value.Shorten(40)}'"))]);
        });
    }

    // ---- body ----

    private sealed record BodyPart(byte[]? Bytes, string? ContentType, string? Note);

    private static readonly string[] OtherMediaTypes =
    [
        "text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
        "application/merge-patch+json", "image/png", "application/json; charset=utf-8", "",
    ];

    /// <summary>Bodies that are not the JSON they claim: empty, a scalar, cut short, broken UTF-8, a BOM, comments, duplicate keys, deep nesting.</summary>
    private static Gen<(byte[] Bytes, string Note)> RawBody(string validText) => Gen.Int[0, int.MaxValue].SelectMany(cut => Gen.OneOf<Func<(byte[], string)>>(
        () => ([], "empty body"), () => ("null"u8.ToArray(), "null"), () => ("[]"u8.ToArray(), "[]"), () => ("42"u8.ToArray(), "42"),
        () => ("\"text\""u8.ToArray(), "a string"), () => ("{"u8.ToArray(), "{"),
        () => (Encoding.UTF8.GetBytes(validText[..(cut % Math.Max(1, validText.Length))]), "truncated"),
        () => ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D], "broken UTF-8"),
        () => ([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(validText)], "UTF-8 BOM"),
        () => (Encoding.UTF8.GetBytes("/*c*/" + validText), "comment"), () => ("{\"a\":1,}"u8.ToArray(), "trailing comma"),
        () => (Encoding.UTF8.GetBytes(validText.Length > 2 ? validText[..^1] + ",\"a\":1,\"a\":2}" : "{\"a\":1,\"a\":2}"), "duplicate keys"),
        () => ("{'a':1}"u8.ToArray(), "single quotes"), () => ("NaN"u8.ToArray(), "NaN"),
        () => (Encoding.UTF8.GetBytes(new string('[', 500) + new string(']', 500)), "500 nested arrays"),
        () => (Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 300)), "300 nested objects"),
        () => ("a=1&b=2"u8.ToArray(), "a form"), () => ("<order><no>1</no></order>"u8.ToArray(), "XML"))).Select(f => f());

    private Gen<BodyPart> Body(Operation op)
    {
        if (op.Body is null)
            return Gen.Frequency<BodyPart>((17, Gen.Const(new BodyPart(null, null, null))),
                (1, RawBody("{}").Select(r => new BodyPart(r.Bytes, "application/json", "unexpected body: " + r.Note))));
        if (op.Body.MediaType.StartsWith("multipart/", StringComparison.Ordinal)) return Multipart();
        var json = Gen.Select(Mutations.Of(schemas.Valid(op.Body.Schema, "")), Gen.Bool).Select(t => (Text: Hostile.Serialize(t.Item1.Body, t.Item2), t.Item1.Note));
        var mediaType = Gen.Frequency<string?>((85, Gen.Const<string?>(op.Body.MediaType)), (2, Gen.Const<string?>((string?)null)),
            (13, Gen.OneOf(OtherMediaTypes).Select(m => (string?)m)));
        return Gen.Select(json, mediaType).SelectMany(t => Gen.Frequency<BodyPart>(
            (85, Gen.Const(() => new BodyPart(Encoding.UTF8.GetBytes(t.Item1.Text), t.Item2, t.Item1.Note + MediaNote(t.Item2, op)))),
            (15, RawBody(t.Item1.Text).Select(r => new BodyPart(r.Bytes, t.Item2, r.Note + MediaNote(t.Item2, op))))));
    }

    private static string MediaNote(string? mediaType, Operation op) =>
        mediaType == op.Body?.MediaType ? "" : $"; media type '{mediaType ?? "(none)"}'";

    private const string Boundary = "fuzzboundary7MA4YWxk";

    private static Gen<BodyPart> Multipart()
    {
        var name = Gen.Frequency<string>((8, "file"), (1, "upload"), (1, ""));
        var fileName = Gen.Frequency<string>((5, Gen.OneOf("evidence.png", "photo.jpg", "a.webp", "export.json")), (3, UrlText(path: false)),
            (1, Gen.OneOf("../../x.png", "\"quoted\".png", "a\r\nContent-Type: text/html.png")));
        var type = Gen.OneOf("image/png", "image/jpeg", "image/webp", "text/plain", "application/x-msdownload", "", "image/png; charset=utf-8", "application/json");
        var bytes = Gen.Frequency<byte[]>((4, Gen.Const(() => Images.Png())), (2, Gen.Const(() => Images.Jpeg())), (2, Gen.Byte.Array[0, 2_000]),
            (1, Gen.Const(() => System.Array.Empty<byte>())), (1, Gen.Const(() => Encoding.UTF8.GetBytes("{\"case\":{},\"signature\":\"x\"}"))));
        var part = Gen.Select(name, fileName, type, bytes);
        return Gen.Select(Gen.Frequency<int>((8, 1), (1, 0), (1, 2)), Gen.Frequency<bool>((9, false), (1, true)), Gen.Frequency<bool>((9, false), (1, true)))
            .SelectMany(shape => part.Array[shape.Item1].Select(parts =>
            {
                var (_, truncated, asJson) = shape;
                if (asJson) return new BodyPart("{}"u8.ToArray(), "application/json", "JSON where multipart is expected");
                var body = new List<byte>();
                foreach (var (n, f, t, b) in parts)
                {
                    body.AddRange(Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{n}\"; filename=\"{f}\"\r\n"
                        + (t.Length > 0 ? $"Content-Type: {t}\r\n" : "") + "\r\n"));
                    body.AddRange(b);
                    body.AddRange("\r\n"u8.ToArray());
                }
                body.AddRange(Encoding.UTF8.GetBytes($"--{Boundary}--\r\n"));
                var bytes = truncated ? body.Take(body.Count / 2).ToArray() : body.ToArray();
                var note = $"multipart: {parts.Length} part(s) [{string.Join(", ", parts.Select(p => $"'{p.Item1}' '{p.Item2.Shorten(40)}' {p.Item3} {p.Item4.Length} bytes"))}]"
                    + (truncated ? ", cut short" : "");
                return new BodyPart(bytes, $"multipart/form-data; boundary={Boundary}", note);
            }));
    }
}
