namespace AfterSales.Web.Modules.Routing.Domain;

/// <summary>
/// What an agent can do (complaints, platform rulings, a product line). <see cref="RequiresCertificate"/> is data
/// now so that the training module (DOMAIN.md §7) can make a valid certificate a condition of holding the skill
/// without a schema change; see <see cref="ISkillQualification"/> for where that check goes.
/// </summary>
public sealed class Skill
{
    private Skill() { }

    public Skill(string id) => Id = id;

    public string Id { get; private set; } = "";
    public string Name { get; private set; } = "";
    public bool RequiresCertificate { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Define(string name, bool requiresCertificate, DateTimeOffset now)
    {
        Name = name;
        RequiresCertificate = requiresCertificate;
        UpdatedAt = now;
    }
}
