using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Access.Contracts;

namespace AfterSales.Web.Modules.Cases.Features;

/// <summary>Messages between the parties and internal notes, each read by its audience only (never by consumers).</summary>
internal static class Messages
{
    public static async Task<Created<MessageView>> PostAsync(string caseNo, PostMessageRequest? body, HttpContext http,
        AfterSalesDbContext db, TimeProvider clock, CaseHooks hooks, CancellationToken ct)
    {
        Validate(body);
        var message = await SendAsync(caseNo, body, RequestActor.Of(http), await DataScope.OfAsync(http, db, ct), db, clock, hooks, ct);
        return TypedResults.Created($"/api/v1/cases/{caseNo}/messages/{message.MessageId}", message);
    }

    /// <summary>The same use case with the author and their scope named.</summary>
    public static async Task<MessageView> SendAsync(string caseNo, PostMessageRequest? body, Actor actor, DataScope scope,
        AfterSalesDbContext db, TimeProvider clock, CaseHooks hooks, CancellationToken ct)
    {
        Validate(body);
        // A consumer cannot write an internal note (it would be hidden from its own author's side): asking for one is
        // refused (NoteAudiences.For), never quietly sent as a message the merchant reads.
        var asNote = body!.Internal == true;
        var now = clock.GetUtcNow();
        // A message can stop or start SLA clocks (an answer, a consumer's follow-up), so it changes the case like an
        // action does: under the order lock, with the case's version checked, in one transaction.
        await using var tx = await db.Database.BeginWriteAsync(ct);
        await CaseAccess.EnsureVisibleAsync(db, caseNo, scope, ct);
        await CaseAccess.LockOrderOfCaseAsync(db, caseNo, ct);
        var c = await CaseAccess.LoadAsync(db, caseNo, scope, ct);
        // After the scope check: a case outside it stays 404 whatever audience was asked for.
        NoteAudience? audience = asNote ? NoteAudiences.For(actor.Role, body.Audience) : null;
        var message = new CaseMessage(c.Id, body.Body!, audience, actor, now);
        db.Messages.Add(message);
        c.RecordMessage(actor, message.Internal, now);
        await hooks.RunAsync(db, c, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return MessageView.From(message);
    }

    private static void Validate(PostMessageRequest? body)
    {
        var e = new FieldErrors();
        if (string.IsNullOrWhiteSpace(body?.Body)) e.Add("body", "required");
        else if (body.Body.Length > 4000) e.Add("body", "at most 4000 characters");
        // An audience belongs to a note; on a message to the parties it would promise a privacy the message lacks.
        if (body?.Audience is not null && body.Internal != true) e.Add("audience", "only for an internal note (internal: true)");
        e.ThrowIfAny();
    }

    public static async Task<Ok<List<MessageView>>> ListAsync(string caseNo, HttpContext http, AfterSalesDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(caseNo, () => RequestActor.Of(http).Role, await DataScope.OfAsync(http, db, ct), db, ct));

    /// <summary>
    /// The case's messages as <paramref name="viewer"/> reads them: every message, and the notes of the audiences the
    /// viewer's role reads (<see cref="NoteAudiences.ReadBy"/>: a merchant the shop's, a consumer none).
    /// </summary>
    public static Task<List<MessageView>> ListOfAsync(string caseNo, ActorRole viewer, DataScope scope, AfterSalesDbContext db, CancellationToken ct) =>
        ListAsync(caseNo, () => viewer, scope, db, ct);

    // The case is found in the scope before the reader's role is asked for, as the API always did.
    private static async Task<List<MessageView>> ListAsync(string caseNo, Func<ActorRole> viewerOf, DataScope scope, AfterSalesDbContext db,
        CancellationToken ct)
    {
        var id = await CaseAccess.IdOfAsync(db, caseNo, scope, ct);
        var readable = NoteAudiences.ReadBy(viewerOf());
        var (platformNotes, shopNotes) = (readable.Contains(NoteAudience.Platform), readable.Contains(NoteAudience.Shop));
        // A note without an audience (none should remain after the migration) is read as the platform's, never the shop's.
        var rows = await db.Messages.AsNoTracking()
            .Where(m => m.CaseId == id && (!m.Internal
                || (shopNotes && m.Audience == NoteAudience.Shop)
                || (platformNotes && m.Audience != NoteAudience.Shop)))
            .OrderBy(m => m.At).ToListAsync(ct);
        return rows.Select(MessageView.From).ToList();
    }
}
