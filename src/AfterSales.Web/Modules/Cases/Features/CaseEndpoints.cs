using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Modules.Cases.Features;

internal static class CaseEndpoints
{
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api)
    {
        // The role gate (403 whatever the record): the roles the case rules know. The scope gate (404) is DataScope.
        // Eligibility asks what opening a case would ask (the covered quantities are the cases'), so Cases maps it.
        api.MapPost("/eligibility", CheckEligibility.HandleAsync).WithTags("Eligibility").WithName("CheckEligibility").RequireAuthorization(CasePolicies.Work)
            .WithSummary("Would this after-sales request be eligible? Every rule consulted, with its legal source, in zh-CN and en-US. Changes nothing.")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        var cases = api.MapGroup("/cases").WithTags("Cases").RequireAuthorization(CasePolicies.Work);
        cases.MapPost("/", OpenCase.HandleAsync).WithName("OpenCase").RequireAuthorization(CasePolicies.Open)
            .WithSummary("Open an after-sales case on lines of an order. Send Idempotency-Key to make retries safe.")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        cases.MapGet("/", QueryCases.ListAsync).WithName("ListCases")
            .WithSummary("Cases, newest first, filtered, paged with a cursor.").ProducesValidationProblem();
        cases.MapGet("/{caseNo}", QueryCases.GetAsync).WithName("GetCase").ProducesProblem(404);
        cases.MapGet("/{caseNo}/actions", QueryCases.ActionsAsync).WithName("GetCaseActions")
            .WithSummary("The actions the caller may take now, with the fields each needs.").ProducesProblem(404);
        cases.MapPost("/{caseNo}/actions/{action}", PerformAction.HandleAsync).WithName("PerformCaseAction")
            .WithSummary("Take an action (agree, refuse, ship-return, confirm-receipt, inspect, diagnose, refund, ship-replacement, confirm-replacement, appeal, rule, respond, resolve, cancel, close, assign, wait-on-consumer, resume). If-Match is checked.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422);
        cases.MapGet("/{caseNo}/timeline", QueryCases.TimelineAsync).WithName("GetCaseTimeline").ProducesProblem(404);
        cases.MapPost("/{caseNo}/messages", Messages.PostAsync).WithName("PostCaseMessage")
            .WithSummary("Write a message to the parties ({ body }) or an internal note ({ body, internal: true, audience }). A note's audience: `platform` (platform staff only; the default for agents and supervisors) or `shop` (the shop's staff and the platform; a merchant's note always is, and a merchant asking for `platform` is 403 case.note_audience_not_allowed). Consumers never read notes and cannot write one; `audience` without `internal: true` is 400.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        cases.MapGet("/{caseNo}/messages", Messages.ListAsync).WithName("ListCaseMessages")
            .WithSummary("The case's messages, oldest first, and the internal notes the caller reads: platform staff every note, a merchant the notes whose audience is `shop`, a consumer none. A note carries its `audience`; a message has none (null).")
            .ProducesProblem(404);
        cases.MapPost("/{caseNo}/attachments", Attachments.PostAsync).WithName("PostCaseAttachment")
            .WithSummary("Upload an evidence image (multipart field 'file'; JPEG, PNG or WebP; at most 5 MiB by default).")
            .DisableAntiforgery().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(413).ProducesProblem(415);
        cases.MapGet("/{caseNo}/attachments", Attachments.ListAsync).WithName("ListCaseAttachments").ProducesProblem(404);
        cases.MapGet("/{caseNo}/attachments/{attachmentId:guid}", Attachments.ContentAsync).WithName("GetCaseAttachment").ProducesProblem(404);
        cases.MapPost("/{caseNo}/rating", RateCase.HandleAsync).WithName("RateCase").RequireAuthorization(CasePolicies.Rate)
            .WithSummary("The owning consumer rates a closed (or resolved) case once: 1–5 stars and an optional comment (at most 500 characters).")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        cases.MapGet("/{caseNo}/rating", RateCase.GetAsync).WithName("GetCaseRating")
            .WithSummary("The consumer's rating of the case; 204 when it has none yet.").ProducesProblem(404);

        api.MapPost("/refunds/{refundId:guid}/result", RefundResults.PostAsync).WithTags("Refunds").WithName("PostRefundResult")
            .RequireAuthorization(CasePolicies.Platform)
            .WithSummary("The payment system's result for a refund; repeating it changes nothing.")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        return api;
    }
}
