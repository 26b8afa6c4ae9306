using AfterSales.Web.Modules.Integration.Webhooks.Domain;

using AfterSales.Web.Modules.Integration.Contracts;

namespace AfterSales.Web.Modules.Integration.Webhooks.Features;

/// <summary>Field checks of a subscription; every problem is reported at once as 400 <c>webhook.invalid</c>.</summary>
internal static class WebhookValidator
{
    public const string Code = "webhook.invalid";

    public static (string Url, List<string> Events, string Secret) Check(CreateWebhookRequest? body, bool allowPrivateAddresses)
    {
        var e = new FieldErrors();
        if (body is null)
        {
            e.Add("body", "required");
            e.ThrowIfAny(Code);
        }
        var url = CheckUrl(body!.Url, allowPrivateAddresses, e);
        if (body.Events is not { Count: > 0 })
            e.Add("events", "at least one event type, or \"*\"");
        else
        {
            foreach (var (type, i) in body.Events.Select((t, i) => (t, i)))
                if (type is null || !WebhookEvents.Known.Contains(type))
                    e.Add($"events[{i}]", "one of " + string.Join(", ", WebhookEvents.Known.Order(StringComparer.Ordinal)));
        }
        CheckSecret(body.Secret, "secret", e);
        e.ThrowIfAny(Code);
        return (url!, [.. body.Events!.Select(t => t!)], body.Secret!);
    }

    public static (string Secret, TimeSpan Overlap) CheckRotation(RotateSecretRequest? body, double defaultOverlapHours)
    {
        var e = new FieldErrors();
        if (body is null) e.Add("body", "required");
        else
        {
            CheckSecret(body.Secret, "secret", e);
            // A week is ample for a receiver to deploy a new secret; longer keeps a possibly leaked secret valid.
            if (body.OverlapHours is { } h && (double.IsNaN(h) || h is < 0 or > 168)) e.Add("overlapHours", "0 to 168");
        }
        e.ThrowIfAny(Code);
        return (body!.Secret!, TimeSpan.FromHours(body.OverlapHours ?? defaultOverlapHours));
    }

    private static string? CheckUrl(string? url, bool allowPrivateAddresses, FieldErrors e)
    {
        if (string.IsNullOrWhiteSpace(url)) e.Add("url", "required");
        else if (url.Length > 2048) e.Add("url", "at most 2048 characters");
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo))
            e.Add("url", "an absolute http or https URL without credentials");
        // SSRF: a literal private address (in any spelling Uri understands) or a local name; other names are checked
        // when a delivery connects (WebhookConnectGuard).
        else if (!WebhookDestination.IsAllowedHost(uri, allowPrivateAddresses))
            e.Add("url", "a public address: loopback, private, link-local and metadata addresses are not allowed");
        else return url;
        return null;
    }

    private static void CheckSecret(string? secret, string field, FieldErrors e)
    {
        // 16 characters is the least that is not guessable offline from one signed request; 256 fits the column.
        if (secret is null || secret.Length is < 16 or > 256) e.Add(field, "16 to 256 characters");
        else if (secret.Trim().Length != secret.Length) e.Add(field, "no leading or trailing spaces");
    }
}
