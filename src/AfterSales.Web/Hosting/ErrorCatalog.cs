namespace AfterSales.Web.Hosting;

/// <summary>Every stable error code and its HTTP status, in one place (API.md "Conventions").</summary>
public static class ErrorCatalog
{
    private static readonly Dictionary<string, int> Statuses = new(StringComparer.Ordinal)
    {
        ["validation.failed"] = 400,
        ["request.malformed"] = 400,
        ["order.invalid"] = 400,
        ["case.invalid"] = 400,
        ["eligibility.invalid"] = 400,
        ["idempotency.key_invalid"] = 400,
        ["request.method_not_allowed"] = 405,
        ["auth.required"] = 401,
        ["auth.forbidden"] = 403,
        ["case.role_not_allowed"] = 403,
        ["not_found"] = 404,
        ["order.not_found"] = 404,
        ["case.not_found"] = 404,
        ["refund.not_found"] = 404,
        ["attachment.not_found"] = 404,
        ["case.transition_not_allowed"] = 409,
        ["case.concurrent_change"] = 409,
        ["refund.already_in_progress"] = 409,
        ["refund.result_conflict"] = 409,
        ["idempotency.in_progress"] = 409,
        ["order.lines_in_use"] = 409,
        ["conflict"] = 409,
        ["case.version_mismatch"] = 412,
        ["attachment.too_large"] = 413,
        ["request.too_large"] = 413,
        ["attachment.unsupported_type"] = 415,
        ["request.unsupported_media_type"] = 415,
        ["idempotency.key_reused"] = 422,
        ["case.quantity_unavailable"] = 422,
        ["case.line_not_in_order"] = 422,
        ["case.requested_refund_invalid"] = 422,
        ["case.no_lines"] = 422,
        ["refund.exceeds_paid"] = 422,
        ["refund.retry_amount_mismatch"] = 422,
        ["case.not_eligible"] = 422,
        ["case.no_pending_deadline"] = 409,
        ["sla_policy.invalid"] = 400,
        ["sla_policy.not_found"] = 404,
        ["sla_recompute.not_found"] = 404,
        ["policy.invalid"] = 400,
        ["policy.not_found"] = 404,
        ["policy.below_legal_floor"] = 422,
        ["routing.invalid"] = 400,
        ["routing.queue_not_found"] = 404,
        ["routing.agent_not_found"] = 404,
        ["routing.skill_not_found"] = 404,
        ["calendar.invalid"] = 400,
        ["calendar.not_found"] = 404,
        ["calendar.out_of_range"] = 422,
        ["auth.invalid_credentials"] = 401,
        ["auth.locked_out"] = 423,
        ["user.invalid"] = 400,
        ["user.name_taken"] = 409,
        ["api_key.invalid"] = 400,
        ["api_key.not_found"] = 404,
        ["rate_limited"] = 429,
        ["internal"] = 500,
    };

    public static int StatusOf(string code) => Statuses.TryGetValue(code, out var s) ? s : 400;

    /// <summary>The code for a status the framework sets without a body (unknown route, wrong method or media type).</summary>
    public static string? GenericCodeOf(int status) => status switch
    {
        400 => "request.malformed",
        401 => "auth.required",
        403 => "auth.forbidden",
        404 => "not_found",
        405 => "request.method_not_allowed",
        409 => "conflict",
        413 => "request.too_large",
        415 => "request.unsupported_media_type",
        429 => "rate_limited",
        500 => "internal",
        _ => null,
    };
}
