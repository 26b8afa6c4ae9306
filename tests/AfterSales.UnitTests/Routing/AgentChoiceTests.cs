using AfterSales.Web.Modules.Routing.Domain;

namespace AfterSales.UnitTests.Routing;

/// <summary>DOMAIN.md §6: an available agent with the skill and the most spare capacity.</summary>
public sealed class AgentChoiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Skill Complaints = NewSkill("complaints");
    private static readonly ISkillQualification Held = new SkillHeldQualification();

    private static Skill NewSkill(string id)
    {
        var s = new Skill(id);
        s.Define(id, false, Now);
        return s;
    }

    private static AgentLoad Load(string id, int capacity, int open, bool available = true, params string[] skills)
    {
        var a = new Agent(id);
        a.Define(id, skills.Length == 0 ? ["complaints"] : skills, capacity, available, Now);
        return new AgentLoad(a, open);
    }

    private static string? Pick(Skill? skill, string? except, params AgentLoad[] agents) =>
        AgentChoice.Pick(agents, skill, Held, Now, except);

    [Fact]
    public void Pick_TakesTheMostSpareCapacity_NotTheFewestCases()
    {
        // b has more open cases but more room left: spare capacity decides.
        Assert.Equal("b", Pick(Complaints, null, Load("a", 3, 1), Load("b", 10, 4), Load("c", 5, 0)));
    }

    [Fact]
    public void Pick_OnlyAgentsWithTheSkill()
    {
        Assert.Equal("a", Pick(Complaints, null, Load("a", 2, 1), Load("b", 10, 0, true, "disputes")));
    }

    [Fact]
    public void Pick_WithoutARequiredSkill_AnyAvailableAgent()
    {
        Assert.Equal("b", Pick(null, null, Load("a", 2, 1), Load("b", 10, 0, true, "disputes")));
    }

    [Fact]
    public void Pick_SkipsUnavailableAgents()
    {
        Assert.Equal("a", Pick(Complaints, null, Load("a", 2, 1), Load("b", 10, 0, available: false)));
    }

    [Fact]
    public void Pick_SkipsAgentsAtOrOverCapacity()
    {
        Assert.Null(Pick(Complaints, null, Load("a", 2, 2), Load("b", 1, 3), Load("c", 0, 0)));
    }

    [Fact]
    public void Pick_WhenNoneQualifies_IsNull()
    {
        Assert.Null(Pick(Complaints, null, Load("a", 5, 0, true, "disputes")));
        Assert.Null(Pick(Complaints, null));
    }

    [Fact]
    public void Pick_EqualSpare_FewerOpenCasesWins_ThenTheSmallerId()
    {
        Assert.Equal("b", Pick(Complaints, null, Load("a", 5, 2), Load("b", 3, 0)));
        Assert.Equal("a", Pick(Complaints, null, Load("c", 4, 1), Load("a", 4, 1), Load("b", 4, 1)));
    }

    [Fact]
    public void Pick_WhenReassigning_NeverTheCurrentAgent()
    {
        Assert.Equal("b", Pick(Complaints, "a", Load("a", 9, 0), Load("b", 2, 1)));
        Assert.Null(Pick(Complaints, "a", Load("a", 9, 0)));
    }

    [Fact]
    public void Pick_AsksTheQualificationCheck()
    {
        // Where a certificate check will plug in: a qualification that says no removes the agent.
        Assert.Null(AgentChoice.Pick([Load("a", 5, 0)], Complaints, new Nobody(), Now));
    }

    private sealed class Nobody : ISkillQualification
    {
        public bool IsQualified(Agent agent, Skill skill, DateTimeOffset now) => false;
    }
}
