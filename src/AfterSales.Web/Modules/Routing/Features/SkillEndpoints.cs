using AfterSales.Web.Data;
using AfterSales.Web.Modules.Routing.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Routing.Contracts;

namespace AfterSales.Web.Modules.Routing.Features;

/// <summary><c>/api/v1/skills</c>: what agents can do; queues require them.</summary>
internal static class SkillEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/skills").WithTags("Routing");
        g.MapGet("/", ListAsync).WithName("ListSkills").WithSummary("Every skill.").RequireAuthorization(RoutingSetup.ReadPolicy);
        g.MapGet("/{skillId}", GetAsync).WithName("GetSkill").WithSummary("One skill.").ProducesProblem(404)
            .RequireAuthorization(RoutingSetup.ReadPolicy);
        g.MapPut("/{skillId}", PutAsync).WithName("PutSkill")
            .WithSummary("Create or replace a skill. requiresCertificate: holding it will need a valid certificate (training, DOMAIN.md §7).")
            .ProducesValidationProblem().ProducesProblem(403).RequireAuthorization(RoutingSetup.WritePolicy);
    }

    internal static async Task<Ok<List<SkillView>>> ListAsync(AfterSalesDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Skills.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct)).Select(SkillView.From).ToList());

    internal static async Task<Ok<SkillView>> GetAsync(string skillId, AfterSalesDbContext db, CancellationToken ct) =>
        TypedResults.Ok(SkillView.From(await db.Skills.AsNoTracking().FirstOrDefaultAsync(s => s.Id == skillId, ct)
            ?? throw new DomainException("routing.skill_not_found")));

    internal static async Task<Results<Created<SkillView>, Ok<SkillView>>> PutAsync(string skillId, SkillRequest? body,
        AfterSalesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var e = new FieldErrors();
        RoutingValidation.Slug(e, "skillId", skillId);
        if (body is null) e.Add("body", "required");
        else RoutingValidation.Name(e, body.Name);
        e.ThrowIfAny("routing.invalid");
        var skill = await db.Skills.FirstOrDefaultAsync(s => s.Id == skillId, ct);
        var created = skill is null;
        if (skill is null) db.Skills.Add(skill = new Skill(skillId));
        skill.Define(body!.Name!.Trim(), body.RequiresCertificate ?? false, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var view = SkillView.From(skill);
        return created ? TypedResults.Created($"/api/v1/skills/{skillId}", view) : TypedResults.Ok(view);
    }
}
