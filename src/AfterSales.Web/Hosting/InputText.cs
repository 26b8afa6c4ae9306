using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace AfterSales.Web.Hosting;

/// <summary>
/// Text no person can type is refused at the door (issue 13): a control character other than tab, line feed and
/// carriage return (U+0000 above all, which PostgreSQL cannot store), or half of a surrogate pair. Every other
/// character is text: Chinese, emoji, right-to-left and zero-width marks pass.
/// </summary>
public static class InputText
{
    public const string Code = "request.invalid_text";

    public const string Message = "must not contain control characters or broken Unicode";

    public static bool IsAllowed(string? text)
    {
        if (text is null) return true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' ? c is not ('\t' or '\n' or '\r') : c is >= '\u007f' and <= '\u009f') return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                return false;
            }
            if (char.IsLowSurrogate(c)) return false;
        }
        return true;
    }

    /// <summary>A name that came with the request as it may be shown back (the refused characters replaced).</summary>
    public static string Shown(string name)
    {
        if (IsAllowed(name)) return name;
        var sb = new StringBuilder(name.Length);
        foreach (var c in name) sb.Append(IsAllowed(c.ToString()) ? c : '\uFFFD');
        return sb.ToString();
    }

    /// <summary>
    /// The JSON path (<c>userName</c>, <c>lines[0].sku</c>; <c>$</c> for a bare string) of the first string or
    /// property name that is not text, or null. Malformed JSON is left to the binder, which answers it as such.
    /// </summary>
    public static string? FirstInvalidJsonText(ReadOnlySpan<byte> json)
    {
        // Every JSON body passes here, on the hot paths too: a body without a \u, \b or \f escape, DEL, a C1 control (UTF-8 C2 80–9F)
        // or broken UTF-8 holds no text to refuse (raw C0 controls are not JSON at all), so it is not parsed twice.
        if (!MayHoldInvalidText(json)) return null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var frames = new List<(bool IsArray, int Index, string? Property)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        {
                            var name = ReadText(ref reader);
                            frames[^1] = (false, 0, name is null ? "\uFFFD" : Shown(name));
                            if (name is null || !IsAllowed(name)) return PathOf(frames) ?? RequestReadErrors.Body;
                            break;
                        }
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Advance(frames);
                        frames.Add((reader.TokenType == JsonTokenType.StartArray, -1, null));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.String:
                        Advance(frames);
                        var value = ReadText(ref reader);
                        if (value is null || !IsAllowed(value)) return PathOf(frames) ?? RequestReadErrors.Body;
                        break;
                    default:
                        Advance(frames);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    private static bool MayHoldInvalidText(ReadOnlySpan<byte> json)
    {
        if (json.IndexOf("\\u"u8) >= 0 || json.IndexOf("\\b"u8) >= 0 || json.IndexOf("\\f"u8) >= 0 || json.IndexOf((byte)0x7F) >= 0 || !System.Text.Unicode.Utf8.IsValid(json)) return true;
        for (var i = json.IndexOf((byte)0xC2); i >= 0 && i + 1 < json.Length; )
        {
            if (json[i + 1] is >= 0x80 and <= 0x9F) return true;
            var next = json[(i + 1)..].IndexOf((byte)0xC2);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return false;
    }

    // Null for a string that is no UTF-16 at all (an escaped lone surrogate, invalid UTF-8).
    private static string? ReadText(ref Utf8JsonReader reader)
    {
        try { return reader.GetString(); }
        catch (InvalidOperationException) { return null; }
    }

    private static void Advance(List<(bool IsArray, int Index, string? Property)> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray) frames[^1] = (true, frames[^1].Index + 1, null);
    }

    private static string? PathOf(List<(bool IsArray, int Index, string? Property)> frames)
    {
        var sb = new StringBuilder();
        foreach (var (isArray, index, property) in frames)
        {
            if (isArray) sb.Append('[').Append(index).Append(']');
            else if (property is not null) sb.Append(sb.Length == 0 ? "" : ".").Append(property);
        }
        return sb.Length == 0 ? null : sb.ToString();
    }
}

/// <summary>
/// Checks every route value, query parameter, JSON body and form field once, before any use case reads them: text that
/// is not text (<see cref="InputText"/>) is a 400 <c>request.invalid_text</c> naming the field, and nothing is written.
/// A page's form gets the 400 error page instead of problem+json.
/// </summary>
public sealed class InputTextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, ProblemWriter writer)
    {
        // The error page's re-execution of a refused form carries the same form: checking it again answered an empty
        // 400 instead of the page.
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next(http);
            return;
        }
        if (await FirstInvalidFieldAsync(http) is { } field)
        {
            if (!IsApi(http))
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            await writer.WriteAsync(http, InputText.Code, null, new Dictionary<string, string[]> { [field] = [InputText.Message] });
            return;
        }
        await next(http);
    }

    private static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    private static async Task<string?> FirstInvalidFieldAsync(HttpContext http)
    {
        foreach (var (name, value) in http.Request.RouteValues)
            if (value is string s && !InputText.IsAllowed(s)) return InputText.Shown(name);
        foreach (var (name, values) in http.Request.Query)
            if (!InputText.IsAllowed(name) || !AllAllowed(values)) return InputText.Shown(name);

        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.ContentLength == 0) return null;
        if (request.HasJsonContentType())
        {
            request.EnableBuffering();
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy, http.RequestAborted);
            request.Body.Position = 0;
            return InputText.FirstInvalidJsonText(copy.GetBuffer().AsSpan(0, (int)copy.Length));
        }
        if (request.HasFormContentType)
        {
            IFormCollection form;
            // The framework's URL decoder refuses %00 in a url-encoded form itself (which field, it does not say).
            try { form = await request.ReadFormAsync(http.RequestAborted); }
            catch (InvalidDataException e) when (e.InnerException is InvalidOperationException) { return "form"; }
            catch (Exception e) when (e is InvalidDataException or IOException && !http.RequestAborted.IsCancellationRequested)
            {
                // A body that claims to be a form and is none (a multipart body without its boundary, cut short): a
                // malformed request (400), whichever field it meant to send, not a fault of the service.
                throw new BadHttpRequestException("The form could not be read.", StatusCodes.Status400BadRequest, e);
            }
            foreach (var (name, values) in form)
                if (!InputText.IsAllowed(name) || !AllAllowed(values)) return InputText.Shown(name);
            foreach (var file in form.Files)
                if (!InputText.IsAllowed(file.FileName) || !InputText.IsAllowed(file.Name)) return InputText.Shown(file.Name);
        }
        return null;
    }

    private static bool AllAllowed(StringValues values)
    {
        foreach (var v in values)
            if (!InputText.IsAllowed(v)) return false;
        return true;
    }
}
