using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Features;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Access.Contracts;

namespace AfterSales.Web.Modules.Cases.Features;

/// <summary>Messages between the parties and internal notes (never shown to consumers).</summary>
public static class Messages
{
    public static async Task<Created<MessageView>> PostAsync(string caseNo, PostMessageRequest? body, HttpContext http,
        AfterSalesDbContext db, TimeProvider clock, CaseHooks hooks, CancellationToken ct)
    {
        var e = new FieldErrors();
        if (string.IsNullOrWhiteSpace(body?.Body)) e.Add("body", "required");
        else if (body.Body.Length > 4000) e.Add("body", "at most 4000 characters");
        e.ThrowIfAny();
        var actor = RequestActor.Of(http);
        // A consumer cannot write an internal note: it would be hidden from its own author's side.
        var isInternal = body!.Internal == true && actor.Role != ActorRole.Consumer;
        var now = clock.GetUtcNow();
        // A message can stop or start SLA clocks (an answer, a consumer's follow-up), so it changes the case like an
        // action does: under the order lock, with the case's version checked, in one transaction.
        var scope = await DataScope.OfAsync(http, db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CaseAccess.EnsureVisibleAsync(db, caseNo, scope, ct);
        await CaseAccess.LockOrderOfCaseAsync(db, caseNo, ct);
        var c = await CaseAccess.LoadAsync(db, caseNo, scope, ct);
        var message = new CaseMessage(c.Id, body.Body!, isInternal, actor, now);
        db.Messages.Add(message);
        c.RecordMessage(actor, isInternal, now);
        await hooks.RunAsync(db, c, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/cases/{caseNo}/messages/{message.Id}", MessageView.From(message));
    }

    public static async Task<Ok<List<MessageView>>> ListAsync(string caseNo, HttpContext http, AfterSalesDbContext db, CancellationToken ct)
    {
        var id = await CaseAccess.IdOfAsync(db, caseNo, await DataScope.OfAsync(http, db, ct), ct);
        var consumer = RequestActor.Of(http).Role == ActorRole.Consumer;
        var rows = await db.Messages.AsNoTracking().Where(m => m.CaseId == id && (!consumer || !m.Internal))
            .OrderBy(m => m.At).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(MessageView.From).ToList());
    }
}
